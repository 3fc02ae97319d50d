package org.bioimagecatalog.harvester.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one real record into broken versions of it, reproducibly: the same seed gives the same mutants. Each
 * mutant is one to three operators applied in turn (byte-level ones for every format, structural ones for JSON,
 * XML and tab-separated text), and is named by them so a failure says what was done.
 */
final class Mutator {
    enum Format { JSON, XML, TEXT }

    record Mutant(String operators, byte[] bytes) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "__fuzz_marker__";
    private static final Pattern XML_ELEMENT = Pattern.compile("<([A-Za-z][\\w:.-]*)(\\s[^<>]*)?>[^<]*</\\1>");
    private static final Pattern XML_START = Pattern.compile("<[A-Za-z][\\w:.-]*(\\s[^<>]*)?>");
    private static final byte[][] BOMS = {
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xFF, (byte) 0xFE, 0, 0}, {0, 0, (byte) 0xFE, (byte) 0xFF}};
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    private static final String[] CONTROLS = {"\u0000", "\u0001", "\u0002", "\u0007", "\u0008", "\u000B", "\u000C",
            "\u001B", "\u001F", "\u007F", "\u0085", "\u2028", "\uFEFF", "\uFFFD", "\r", "\t"};
    private static final Charset[] ENCODINGS = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"),
            Charset.forName("UTF-32"), Charset.forName("x-MacRoman")};
    private static final String[] INJECTIONS = {"' OR 1=1 --", "\"; DROP TABLE x; --", "../../../../etc/passwd",
            "<script>alert(1)</script>", "{\"query\":{\"match_all\":{}}}", "${jndi:ldap://x/a}", "%s%s%n",
            "\\u0000", "NaN", "-0", "1e999999"};

    private final Random random;
    private final Format format;

    Mutator(long seed, Format format) {
        this.random = new Random(seed);
        this.format = format;
    }

    Mutant mutate(byte[] original) {
        byte[] bytes = original;
        List<String> applied = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Op op = pick();
            bytes = op.apply(bytes);
            applied.add(op.name);
        }
        return new Mutant(String.join("+", applied), bytes);
    }

    private record Op(String name, UnaryOperator<byte[]> fn) {
        byte[] apply(byte[] in) {
            return fn.apply(in);
        }
    }

    /** Large mutations are rarer so that 10k mutants stay quick; structural ones match the format. */
    private Op pick() {
        List<Op> ops = new ArrayList<>(List.of(
                new Op("truncate", this::truncate),
                new Op("bom", this::bom),
                new Op("reencode", this::reencode),
                new Op("invalid-utf8", this::invalidUtf8),
                new Op("control-chars", this::controlChars),
                new Op("flip-bytes", this::flipBytes),
                new Op("delete-span", this::deleteSpan),
                new Op("duplicate-span", this::duplicateSpan),
                new Op("injection", this::injection)));
        switch (format) {
            case JSON -> ops.addAll(List.of(
                    new Op("wrong-type", b -> json(b, this::wrongType)),
                    new Op("wrong-type", b -> json(b, this::wrongType)),
                    new Op("wrong-type", b -> json(b, this::wrongType)),
                    new Op("duplicate-key", b -> json(b, this::duplicateKey)),
                    new Op("remove-field", b -> json(b, this::removeField)),
                    new Op("remove-field", b -> json(b, this::removeField)),
                    new Op("wrap-unwrap", b -> json(b, this::wrapOrUnwrap)),
                    new Op("null-field", b -> json(b, this::nullField))));
            case XML -> ops.addAll(List.of(
                    new Op("drop-element", this::dropElement),
                    new Op("drop-element", this::dropElement),
                    new Op("duplicate-element", this::duplicateElement),
                    new Op("entity", this::entity),
                    new Op("empty-element", this::emptyElement)));
            case TEXT -> ops.addAll(List.of(
                    new Op("shuffle-lines", this::shuffleLines),
                    new Op("duplicate-key-line", this::duplicateLine),
                    new Op("drop-line", this::dropLine),
                    new Op("drop-line", this::dropLine),
                    new Op("cr-line-ends", b -> utf8(text(b).replace("\r\n", "\r").replace('\n', '\r'))),
                    new Op("tabs-to-spaces", b -> utf8(text(b).replace('\t', ' ')))));
        }
        if (random.nextInt(20) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> new Op("huge-field", this::hugeField);
                case 1 -> new Op("deep-nesting", this::deepNesting);
                case 2 -> new Op("empty", b -> new byte[random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(64)]);
                default -> new Op("huge-tabs", this::hugeTabs);
            };
        }
        return ops.get(random.nextInt(ops.size()));
    }

    // --- byte level ---------------------------------------------------------------------------------------

    private byte[] truncate(byte[] b) {
        return b.length == 0 ? b : Arrays.copyOf(b, random.nextInt(b.length));
    }

    private byte[] bom(byte[] b) {
        return concat(BOMS[random.nextInt(BOMS.length)], b);
    }

    private byte[] reencode(byte[] b) {
        Charset to = ENCODINGS[random.nextInt(ENCODINGS.length)];
        return text(b).getBytes(to);
    }

    private byte[] invalidUtf8(byte[] b) {
        byte[] out = b;
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
            out = insert(out, random.nextInt(out.length + 1), INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        return out;
    }

    private byte[] controlChars(byte[] b) {
        byte[] out = b;
        for (int i = 1 + random.nextInt(50); i > 0; i--) {
            out = insert(out, random.nextInt(out.length + 1), utf8(CONTROLS[random.nextInt(CONTROLS.length)]));
        }
        return out;
    }

    private byte[] flipBytes(byte[] b) {
        byte[] out = b.clone();
        for (int i = 1 + random.nextInt(10); i > 0 && out.length > 0; i--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] deleteSpan(byte[] b) {
        if (b.length < 2) {
            return b;
        }
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(Math.max(1, b.length / 4)));
        return concat(Arrays.copyOfRange(b, 0, from), Arrays.copyOfRange(b, to, b.length));
    }

    private byte[] duplicateSpan(byte[] b) {
        if (b.length < 2) {
            return b;
        }
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(Math.max(1, b.length / 4)));
        return insert(b, to, Arrays.copyOfRange(b, from, to));
    }

    private byte[] injection(byte[] b) {
        String inj = INJECTIONS[random.nextInt(INJECTIONS.length)];
        if (format == Format.JSON) {
            return json(b, root -> replaceRandom(root, NODES.textNode(inj)));
        }
        return insert(b, random.nextInt(b.length + 1), utf8(inj));
    }

    /** 1–3 MB at one place: inside a JSON string value, an XML text node, an IDR cell. */
    private byte[] hugeField(byte[] b) {
        String huge = "A".repeat(1_000_000 + random.nextInt(2_000_000));
        if (format == Format.JSON) {
            return json(b, root -> replaceRandom(root, NODES.textNode(huge)));
        }
        if (format == Format.XML) {
            String text = text(b);
            int at = text.indexOf('>', random.nextInt(Math.max(1, text.length())));
            return at < 0 ? utf8(text + huge) : utf8(text.substring(0, at + 1) + huge + text.substring(at + 1));
        }
        return insertLine(b, "Study Description\t" + huge);
    }

    private byte[] deepNesting(byte[] b) {
        int depth = 500 + random.nextInt(100_000);
        if (format == Format.JSON) {
            String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            return json(b, root -> replaceRandom(root, NODES.textNode(MARKER)), nested);
        }
        if (format == Format.XML) {
            String text = text(b);
            Matcher start = XML_START.matcher(text);
            List<Integer> ends = new ArrayList<>();
            while (start.find()) {
                ends.add(start.end());
            }
            if (ends.isEmpty()) {
                return b;
            }
            int at = ends.get(random.nextInt(ends.size()));
            return utf8(text.substring(0, at) + "<a>".repeat(depth) + "</a>".repeat(depth) + text.substring(at));
        }
        return insertLine(b, "Study Title\t" + "\"".repeat(depth));
    }

    private byte[] hugeTabs(byte[] b) {
        return insertLine(b, "Study Person Last Name" + "\t".repeat(100_000 + random.nextInt(200_000)) + "x");
    }

    // --- JSON structure -------------------------------------------------------------------------------------

    /** Parses, changes the tree, writes it back; bytes that are no JSON (an earlier operator) get a byte op. */
    private byte[] json(byte[] b, Consumer<JsonNode> change) {
        return json(b, change, "null");
    }

    /**
     * As above; a value {@code MARKER} is then written as {@code raw}, and a key {@code MARKER + name} as
     * {@code name} (which is how a duplicate key gets into the text: a tree cannot hold one).
     */
    private byte[] json(byte[] b, Consumer<JsonNode> change, String raw) {
        JsonNode root;
        try {
            root = JSON.readTree(b);
        } catch (java.io.IOException e) {
            return flipBytes(b);
        }
        if (root == null || !root.isContainerNode()) {
            return flipBytes(b);
        }
        change.accept(root);
        return utf8(root.toString().replace("\"" + MARKER + "\"", raw).replace("\"" + MARKER, "\""));
    }

    private void wrongType(JsonNode root) {
        JsonNode[] values = {NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1e308),
                NODES.numberNode(new java.math.BigInteger("9".repeat(400))), NODES.booleanNode(true), NODES.nullNode(),
                NODES.textNode(""), NODES.textNode("text"), NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add(1).add("a").add(NODES.objectNode()), NODES.objectNode().set("a", NODES.arrayNode())};
        replaceRandom(root, values[random.nextInt(values.length)]);
    }

    private void duplicateKey(JsonNode root) {
        List<ObjectNode> objects = containers(root).stream().filter(JsonNode::isObject).map(n -> (ObjectNode) n)
                .filter(o -> o.size() > 0).toList();
        if (!objects.isEmpty()) {
            ObjectNode object = objects.get(random.nextInt(objects.size()));
            String name = nth(object.fieldNames(), random.nextInt(object.size()));
            object.set(MARKER + name, random.nextBoolean() ? NODES.numberNode(42) : NODES.arrayNode().add("dup"));
        }
    }

    private void removeField(JsonNode root) {
        List<ObjectNode> objects = containers(root).stream().filter(JsonNode::isObject).map(n -> (ObjectNode) n)
                .filter(o -> o.size() > 0).toList();
        if (!objects.isEmpty()) {
            ObjectNode object = objects.get(random.nextInt(objects.size()));
            Iterator<String> names = object.fieldNames();
            List<String> all = new ArrayList<>();
            names.forEachRemaining(all::add);
            object.remove(all.get(random.nextInt(all.size())));
        }
    }

    private void nullField(JsonNode root) {
        replaceRandom(root, NODES.nullNode());
    }

    private void wrapOrUnwrap(JsonNode root) {
        List<JsonNode> containers = containers(root);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent.isObject() && parent.size() > 0) {
            ObjectNode o = (ObjectNode) parent;
            String name = nth(o.fieldNames(), random.nextInt(o.size()));
            JsonNode value = o.get(name);
            if (value.isArray()) {
                o.set(name, value.isEmpty() ? NODES.nullNode() : value.get(0));
            } else {
                o.set(name, NODES.arrayNode().add(value));
            }
        }
    }

    /** Puts {@code value} in place of a random value anywhere in the tree. */
    private void replaceRandom(JsonNode root, JsonNode value) {
        List<JsonNode> containers = containers(root);
        List<JsonNode> nonEmpty = containers.stream().filter(c -> c.size() > 0).toList();
        if (nonEmpty.isEmpty()) {
            return;
        }
        JsonNode parent = nonEmpty.get(random.nextInt(nonEmpty.size()));
        if (parent instanceof ObjectNode o) {
            o.set(nth(o.fieldNames(), random.nextInt(o.size())), value);
        } else if (parent instanceof ArrayNode a) {
            a.set(random.nextInt(a.size()), value);
        }
    }

    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isContainerNode()) {
                all.add(n);
                n.forEach(todo::add);
            }
        }
        return all;
    }

    private static String nth(Iterator<String> names, int n) {
        String name = null;
        for (int i = 0; i <= n; i++) {
            name = names.next();
        }
        return name;
    }

    // --- XML structure --------------------------------------------------------------------------------------

    private byte[] dropElement(byte[] b) {
        return xmlElement(b, m -> "");
    }

    private byte[] duplicateElement(byte[] b) {
        return xmlElement(b, m -> m.group() + m.group());
    }

    private byte[] emptyElement(byte[] b) {
        return xmlElement(b, m -> "<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + "></" + m.group(1) + ">");
    }

    private byte[] xmlElement(byte[] b, Function<Matcher, String> change) {
        String text = text(b);
        Matcher m = XML_ELEMENT.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        if (found.isEmpty()) {
            return flipBytes(b);
        }
        int[] pick = found.get(random.nextInt(found.size()));
        Matcher one = XML_ELEMENT.matcher(text);
        one.find(pick[0]);
        return utf8(text.substring(0, pick[0]) + change.apply(one) + text.substring(pick[1]));
    }

    /** An entity expansion bomb or an external entity, declared before the root and used in a text node. */
    private byte[] entity(byte[] b) {
        String text = text(b).replaceFirst("^\\uFEFF?<\\?xml[^>]*\\?>", "");
        String doctype = random.nextBoolean()
                ? "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                  + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                  + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY x \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
                : "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        int at = text.indexOf('>', text.indexOf('<') + 1);
        String body = at < 0 ? text : text.substring(0, at + 1) + "&x;" + text.substring(at + 1);
        return utf8(doctype + body);
    }

    // --- tab-separated text ---------------------------------------------------------------------------------

    private byte[] shuffleLines(byte[] b) {
        List<String> lines = new ArrayList<>(List.of(text(b).split("\n", -1)));
        Collections.shuffle(lines, random);
        return utf8(String.join("\n", lines));
    }

    private byte[] duplicateLine(byte[] b) {
        List<String> lines = new ArrayList<>(List.of(text(b).split("\n", -1)));
        String line = lines.get(random.nextInt(lines.size()));
        String key = line.contains("\t") ? line.substring(0, line.indexOf('\t')) : line;
        lines.add(random.nextInt(lines.size() + 1), key + "\t" + INJECTIONS[random.nextInt(INJECTIONS.length)]);
        return utf8(String.join("\n", lines));
    }

    private byte[] dropLine(byte[] b) {
        List<String> lines = new ArrayList<>(List.of(text(b).split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return utf8(String.join("\n", lines));
    }

    private byte[] insertLine(byte[] b, String line) {
        List<String> lines = new ArrayList<>(List.of(text(b).split("\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), line);
        return utf8(String.join("\n", lines));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(b, 0, a);
    }
}
