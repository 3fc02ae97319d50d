/*
 * <bioimage-search>: the BioImage Catalog search as a framework-free Web Component.
 *
 *   <script src="https://catalog.example.org/widget/bioimage-search.js"></script>
 *   <bioimage-search page-size="10" filters="organism=Homo sapiens"></bioimage-search>
 *
 * Attributes: api-base (default: the origin the script came from), page-size (1..100, default 10),
 * filters (preset filters as a query string, always applied: "source=idr&organism=Homo sapiens"),
 * query (initial text), dataset-url-template (where a hit's title links: default "{apiBase}/datasets/{id}", the
 * catalog portal's dataset page; "api" links the API's JSON record, "{apiBase}/api/v1/datasets/{id}"; the older name
 * link-template is still read). Each hit shows its archive accessions, data DOI and publication as links; a search
 * that matched nothing as typed shows what it shows instead ("showing results for …") and "did you mean".
 * Theme with CSS custom properties on the element: --bis-accent, --bis-bg, --bis-fg, --bis-muted,
 * --bis-border, --bis-font, --bis-radius, --bis-mark.
 * Emits "bioimage-search:results" (detail: the API answer) after every search.
 * No dependencies, no external requests other than the search API.
 */
(function () {
  'use strict';
  if (customElements.get('bioimage-search')) {
    return;
  }
  var scriptOrigin = document.currentScript ? new URL(document.currentScript.src, location.href).origin : location.origin;
  // [facet in the answer, legend, filter parameter when not the facet's own]: a parents facet ("Mammalia",
  // "electron microscopy", counts rolled up) filters with its facet's parameter, descendants included
  var FACETS = [
    ['source', 'Archive'], ['organism', 'Organism'], ['organismParents', 'Organism group', 'organism'],
    ['cellLine', 'Cell line'], ['imagingMethod', 'Imaging method'],
    ['imagingMethodParents', 'Imaging method family', 'imagingMethod'], ['samplePreparation', 'Sample preparation'],
    ['license', 'Licence'], ['format', 'Format'], ['studyType', 'Study type'], ['releaseYear', 'Release year'],
    ['hasReuse', 'Reused'], ['quality', 'Metadata quality']
  ];
  var STYLE = [
    ':host{display:block;font-family:var(--bis-font,system-ui,sans-serif);color:var(--bis-fg,#1b1f24);',
    'background:var(--bis-bg,#fff);--_accent:var(--bis-accent,#0b6bcb);--_muted:var(--bis-muted,#5b6470);',
    '--_border:var(--bis-border,#d6dbe1);--_radius:var(--bis-radius,6px)}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    'form{display:flex;gap:.5rem;margin-bottom:1rem}',
    'input[type=search]{flex:1;padding:.5rem .75rem;font:inherit;border:1px solid var(--_border);border-radius:var(--_radius)}',
    'button{font:inherit;padding:.45rem .9rem;border:1px solid var(--_accent);background:var(--_accent);color:#fff;',
    'border-radius:var(--_radius);cursor:pointer}button[disabled]{opacity:.45;cursor:default}',
    'button.secondary{background:transparent;color:var(--_accent)}',
    ':focus-visible{outline:3px solid var(--_accent);outline-offset:2px}',
    '.layout{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:1.25rem}',
    '@media (max-width:640px){.layout{grid-template-columns:1fr}}',
    'fieldset{border:0;border-top:1px solid var(--_border);margin:0 0 .75rem;padding:.5rem 0 0}',
    'legend{font-weight:600;font-size:.9rem;padding:0}',
    'label.value{display:flex;gap:.4rem;align-items:baseline;font-size:.9rem;padding:.1rem 0;cursor:pointer}',
    '.count{margin-left:auto;color:var(--_muted);font-size:.8rem}',
    'ol{list-style:none;margin:0;padding:0}li.result{padding:.75rem 0;border-bottom:1px solid var(--_border)}',
    'li.result h3{margin:0 0 .25rem;font-size:1.05rem}a{color:var(--_accent)}',
    '.meta{color:var(--_muted);font-size:.85rem;margin:.1rem 0}.desc{margin:.25rem 0 0;font-size:.92rem}',
    'em.hit{font-style:normal;background:var(--bis-mark,#fff2a8);border-radius:2px}',
    'nav{display:flex;gap:.75rem;align-items:center;margin-top:1rem}',
    '.status{color:var(--_muted);margin:0 0 .5rem}.error{color:#b42318}',
    '.where{font-size:.85rem;margin:.15rem 0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}',
    '.notice{margin:0 0 .5rem;font-size:.92rem}button.link{background:none;border:0;padding:0;color:var(--_accent);',
    'text-decoration:underline;cursor:pointer}'
  ].join('');

  /** Links from harvested data are followed only when they are http(s). */
  function safeUrl(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  /* The API sends highlights HTML-escaped with <em> around matches: rebuild them as DOM nodes, never as HTML. */
  function highlighted(fragment) {
    var span = el('span');
    var decoder = document.createElement('textarea');
    fragment.split(/(<em>|<\/em>)/).reduce(function (inHit, part) {
      if (part === '<em>') { return true; }
      if (part === '</em>') { return false; }
      decoder.innerHTML = part;
      span.appendChild(inHit ? el('em', { 'class': 'hit', text: decoder.value }) : document.createTextNode(decoder.value));
      return inHit;
    }, false);
    return span;
  }

  class BioimageSearch extends HTMLElement {
    static get observedAttributes() { return ['query', 'filters', 'page-size', 'api-base']; }

    constructor() {
      super();
      this.selected = {};
      this.page = 1;
      this.request = 0;
      var root = this.attachShadow({ mode: 'open' });
      root.appendChild(el('style', { text: STYLE }));
      this.input = el('input', { type: 'search', id: 'q', name: 'q', autocomplete: 'off', list: 'suggestions',
        placeholder: 'Search datasets, e.g. human mitosis', 'aria-controls': 'results' });
      this.suggestions = el('datalist', { id: 'suggestions' });
      this.form = el('form', { role: 'search', 'aria-label': 'Search datasets' }, [
        el('label', { 'for': 'q', 'class': 'sr', text: 'Search datasets' }), this.input, this.suggestions,
        el('button', { type: 'submit', text: 'Search' })]);
      this.facets = el('aside', { 'aria-label': 'Filters', 'class': 'facets' });
      this.status = el('p', { 'class': 'status', role: 'status', 'aria-live': 'polite' });
      this.notice = el('p', { 'class': 'notice', hidden: '' });
      this.results = el('ol', { id: 'results', 'class': 'results', 'aria-label': 'Results' });
      this.prev = el('button', { type: 'button', 'class': 'secondary prev', text: 'Previous' });
      this.next = el('button', { type: 'button', 'class': 'secondary next', text: 'Next' });
      this.pageLabel = el('span', { 'class': 'page' });
      this.nav = el('nav', { 'aria-label': 'Result pages' }, [this.prev, this.pageLabel, this.next]);
      root.appendChild(this.form);
      root.appendChild(el('div', { 'class': 'layout' }, [this.facets,
        el('section', { 'aria-label': 'Search results' }, [this.status, this.notice, this.results, this.nav])]));
      var self = this;
      this.form.addEventListener('submit', function (e) { e.preventDefault(); self.page = 1; self.search(); });
      this.prev.addEventListener('click', function () { self.goTo(self.page - 1); });
      this.next.addEventListener('click', function () { self.goTo(self.page + 1); });
      this.facets.addEventListener('change', function (e) { self.toggle(e.target); });
      var timer;
      this.input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { self.suggest(); }, 200);
      });
    }

    connectedCallback() {
      this.ready = true;
      this.input.value = this.getAttribute('query') || '';
      this.search();
    }

    attributeChangedCallback(name, oldValue, value) {
      if (!this.ready || oldValue === value) { return; }
      if (name === 'query') { this.input.value = value || ''; }
      this.page = 1;
      this.search();
    }

    get apiBase() { return (this.getAttribute('api-base') || scriptOrigin).replace(/\/+$/, ''); }

    get pageSize() {
      var n = parseInt(this.getAttribute('page-size') || '10', 10);
      return n >= 1 && n <= 100 ? n : 10;
    }

    goTo(page) {
      this.page = page;
      this.search();
      this.results.focus();
    }

    toggle(box) {
      var facet = box.getAttribute('data-facet');
      var values = this.selected[facet] || [];
      this.selected[facet] = box.checked ? values.concat([box.value]) : values.filter(function (v) { return v !== box.value; });
      this.page = 1;
      this.search();
    }

    params() {
      var p = new URLSearchParams(this.getAttribute('filters') || '');
      var q = this.input.value.trim();
      if (q) { p.set('q', q); }
      var selected = this.selected;
      Object.keys(selected).forEach(function (facet) {
        var values = selected[facet];
        if (!values.length) { return; }
        if (facet === 'releaseYear') {
          // the API filters a year range: the selected years span it
          var years = values.map(Number);
          p.set('releasedFrom', String(Math.min.apply(null, years)));
          p.set('releasedTo', String(Math.max.apply(null, years)));
        } else if (facet === 'hasReuse') {
          if (values.length === 1) { p.set('hasReuse', values[0]); }
        } else if (facet === 'quality') {
          // buckets are named by their lower bound: the lowest one chosen is the minimum
          p.set('minQuality', String(Math.min.apply(null, values.map(Number))));
        } else {
          values.forEach(function (value) { p.append(facet, value); });
        }
      });
      p.set('page', String(this.page));
      p.set('size', String(this.pageSize));
      return p;
    }

    search() {
      var ticket = ++this.request;
      var self = this;
      this.results.setAttribute('aria-busy', 'true');
      fetch(this.apiBase + '/api/v1/search?' + this.params().toString(), { headers: { Accept: 'application/json' } })
        .then(function (r) {
          return r.json().then(function (body) {
            if (!r.ok) { throw new Error(body.detail || ('search failed (' + r.status + ')')); }
            return body;
          });
        })
        .then(function (body) {
          if (ticket !== self.request) { return; }
          self.render(body);
          self.dispatchEvent(new CustomEvent('bioimage-search:results', { detail: body, bubbles: true }));
        })
        .catch(function (e) {
          if (ticket !== self.request) { return; }
          self.status.textContent = 'The search is unavailable: ' + e.message;
          self.status.className = 'status error';
        })
        .finally(function () { if (ticket === self.request) { self.results.removeAttribute('aria-busy'); } });
    }

    suggest() {
      var prefix = this.input.value.trim();
      var list = this.suggestions;
      if (prefix.length < 2) { list.replaceChildren(); return; }
      fetch(this.apiBase + '/api/v1/search/suggest?prefix=' + encodeURIComponent(prefix))
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { return; }
          var texts = s.titles.map(function (t) { return t.title; }).concat(s.organisms, s.imagingMethods);
          list.replaceChildren.apply(list, texts.slice(0, 10).map(function (t) { return el('option', { value: t }); }));
        })
        .catch(function () { /* suggestions are a convenience; the search reports outages */ });
    }

    render(body) {
      var pages = Math.max(1, Math.ceil(body.total / body.size));
      this.status.className = 'status';
      this.status.textContent = body.total === 1 ? '1 dataset' : body.total + ' datasets';
      this.renderNotice(body);
      this.results.setAttribute('tabindex', '-1');
      this.results.replaceChildren.apply(this.results, body.items.map(this.item, this));
      this.pageLabel.textContent = 'Page ' + body.page + ' of ' + pages;
      this.prev.disabled = body.page <= 1;
      this.next.disabled = body.page >= pages || body.page * body.size >= 10000;
      this.renderFacets(body.facets || {});
    }

    /** "showing results for …" when the words were relaxed, and "did you mean" as a button that searches it. */
    renderNotice(body) {
      var self = this;
      var parts = [];
      if (body.relaxed) {
        parts.push(el('span', { 'class': 'relaxed', text: body.relaxed.message }));
      }
      if (body.didYouMean) {
        var again = el('button', { type: 'button', 'class': 'link did-you-mean', text: body.didYouMean });
        again.addEventListener('click', function () { self.input.value = body.didYouMean; self.page = 1; self.search(); });
        parts.push(el('span', { text: (parts.length ? ' ' : '') + 'Did you mean ' }), again, el('span', { text: '?' }));
      }
      this.notice.replaceChildren.apply(this.notice, parts);
      this.notice.hidden = parts.length === 0;
    }

    get datasetUrlTemplate() {
      var t = this.getAttribute('dataset-url-template') || this.getAttribute('link-template') || '{apiBase}/datasets/{id}';
      return t === 'api' ? '{apiBase}/api/v1/datasets/{id}' : t;
    }

    /** Accessions (each to its archive's page), data DOI and publication of a hit, as links. */
    where(hit) {
      var links = (hit.accessions || []).filter(function (a) { return safeUrl(a.url); }).map(function (a) {
        return el('a', { href: a.url, 'class': 'accession', 'data-archive': a.archive, rel: 'noopener', text: a.accession });
      });
      if (hit.dataDoi && safeUrl(hit.dataDoi.url)) {
        links.push(el('a', { href: hit.dataDoi.url, 'class': 'doi', rel: 'noopener', text: 'doi:' + hit.dataDoi.id }));
      }
      var p = hit.publication;
      if (p && safeUrl(p.url)) {
        var label = p.doi ? 'paper doi:' + p.doi : p.pmid ? 'PMID ' + p.pmid : p.pmcid;
        links.push(el('a', { href: p.url, 'class': 'publication', rel: 'noopener', text: label }));
      }
      return links.length ? el('p', { 'class': 'where' }, links) : null;
    }

    item(hit) {
      var link = this.datasetUrlTemplate
        .replace('{apiBase}', this.apiBase).replace('{id}', encodeURIComponent(hit.id));
      var h = hit.highlights || {};
      var title = h.title ? highlighted(h.title[0]) : document.createTextNode(hit.title || hit.id);
      var desc = h.description ? highlighted(h.description.join(' … ')) : document.createTextNode(hit.description || '');
      var organisms = (hit.organismNames && hit.organismNames.length ? hit.organismNames : hit.organisms).join(', ');
      var methods = (hit.imagingMethodNames && hit.imagingMethodNames.length ? hit.imagingMethodNames : hit.imagingMethods).join(', ');
      var meta = [hit.sources.join(', '), organisms, methods,
        hit.released ? 'released ' + hit.released : '', hit.reuseCount ? 'reused ' + hit.reuseCount + '×' : '']
        .filter(Boolean).join(' · ');
      return el('li', { 'class': 'result', 'data-id': hit.id }, [
        el('h3', {}, [el('a', { href: link }, [title])]),
        el('p', { 'class': 'meta', text: meta }),
        this.where(hit),
        el('p', { 'class': 'desc' }, [desc])]);
    }

    renderFacets(facets) {
      var self = this;
      var preset = new URLSearchParams(this.getAttribute('filters') || '');
      var groups = FACETS.filter(function (f) { return (facets[f[0]] || []).length && !preset.has(f[2] || f[0]); })
        .map(function (f) {
          var name = f[0];
          var param = f[2] || name;
          var chosen = self.selected[param] || [];
          var boxes = facets[name].map(function (v) {
            // the value (an ontology id in term facets) filters; the canonical name is shown
            var box = el('input', { type: 'checkbox', 'data-facet': param, value: v.value });
            box.checked = chosen.indexOf(v.value) >= 0;
            var label = name === 'hasReuse' ? (v.value === 'true' ? 'reused' : 'not yet reused')
              : name === 'quality' ? 'score ' + v.value + ' or more' : (v.name || v.value);
            return el('label', { 'class': 'value' }, [box, el('span', { text: label }),
              el('span', { 'class': 'count', text: String(v.count), 'aria-label': v.count + ' datasets' })]);
          });
          return el('fieldset', { 'data-facet': name }, [el('legend', { text: f[1] })].concat(boxes));
        });
      var focused = this.shadowRoot.activeElement;
      var refocus = focused && focused.getAttribute('data-facet') ? [focused.getAttribute('data-facet'), focused.value] : null;
      this.facets.replaceChildren.apply(this.facets, groups);
      if (refocus) {
        var again = this.facets.querySelector('input[data-facet="' + refocus[0] + '"][value="' + CSS.escape(refocus[1]) + '"]');
        if (again) { again.focus(); }
      }
    }
  }

  customElements.define('bioimage-search', BioimageSearch);
})();
