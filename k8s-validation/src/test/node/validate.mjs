// Reads a JSON array of Kubernetes objects on stdin and validates each against the JSON schema of its
// apiVersion/kind: the Kubernetes API schemas (kubernetes-models) and KEDA's CRDs (@kubernetes-models/keda).
// Prints one JSON line per object: {index, kind, name, result: "valid" | "invalid" | "no-schema", errors}.
// Objects of other operators' CRDs are "no-schema" here; the Java side checks those it has a model for.
const MODEL_PACKAGES = {
  "keda.sh": "@kubernetes-models/keda",
};

async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const isKubernetes = group === "" || !group.includes(".") || group.endsWith(".k8s.io");
  const pkg = isKubernetes ? "kubernetes-models" : MODEL_PACKAGES[group];
  if (!pkg) return null;
  try {
    const module = await import(`${pkg}/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch (e) {
    if (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") return null;
    throw e;
  }
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const objects = JSON.parse(input);
for (const [index, object] of objects.entries()) {
  const line = { index, kind: object.kind, name: object.metadata?.name };
  const Model = object.apiVersion && object.kind ? await modelFor(object.apiVersion, object.kind) : null;
  if (!Model) {
    line.result = "no-schema";
  } else {
    try {
      new Model(object).validate();
      line.result = "valid";
    } catch (e) {
      line.result = "invalid";
      line.errors = e.errors?.map((err) => `${err.instancePath || "/"} ${err.message}`) ?? [String(e.message)];
    }
  }
  console.log(JSON.stringify(line));
}
