// crosscheck web page. No framework, no build step.
//
// Safety rule for this file: article text, titles, sources and every other
// value from the API are untrusted. They only ever reach the page through
// textContent (see `el`), never through an HTML parser, and links from
// articles are only followed when they are http(s).
"use strict";

const main = document.getElementById("main");
const articleCache = new Map();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Create an element; string children become text nodes. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) throw new Error((body && body.error) || `HTTP ${res.status}`);
  return body;
}

/** Replace the children of `node`, skipping null/false entries. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function show(...nodes) {
  fill(main, ...nodes);
  window.scrollTo(0, 0);
}

function fail(err) {
  show(el("p", { class: "error", role: "alert" }, "Something went wrong: ", err.message),
    el("p", {}, el("a", { href: "#/" }, "Back to the stories")));
}

function day(iso) {
  if (!iso) return "";
  const d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
  if (isNaN(d)) return iso;
  return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

function storyLink(id) { return "#/story/" + encodeURIComponent(id); }

/** Snippet text with U+0002 … U+0003 around matches, as nodes. */
function snippet(s) {
  const out = [];
  const parts = String(s).split("\u0002");
  out.push(parts[0]);
  for (const part of parts.slice(1)) {
    const [hit, rest] = part.split("\u0003");
    out.push(el("mark", {}, hit), rest || "");
  }
  return el("p", { class: "snippet" }, out);
}

// ---------------------------------------------------------------- list view

async function listView(params) {
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const data = await api(`/api/stories?page=${page}&per_page=20`);
  const items = data.stories.map((s) => el("li", { class: "card" },
    el("a", { class: "title", href: storyLink(s.id) }, s.title || s.id),
    el("div", { class: "meta" },
      plural(s.articles, "article", "articles"), " · ",
      plural(s.sources, "source", "sources"), " · ",
      plural(s.independent_sources, "independent source", "independent sources"),
      s.last_published ? ` · updated ${day(s.last_published)}` : "")));
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  const pager = el("nav", { class: "pager", "aria-label": "Pages" },
    page > 1 ? el("a", { href: `#/?page=${page - 1}` }, "← Newer") : null,
    el("span", { class: "meta" }, `Page ${page} of ${pages}`),
    page < pages ? el("a", { href: `#/?page=${page + 1}` }, "Older →") : null);
  show(el("h1", {}, "Stories"),
    el("p", { class: "meta" }, `${plural(data.total, "story", "stories")}, most recently updated first.`),
    items.length ? el("ul", { class: "list", id: "stories" }, items)
      : el("p", { class: "note" }, "No stories yet. POST articles to /api/articles."),
    pager);
}

// --------------------------------------------------------------- story view

/** Text of `text` between UTF-8 byte offsets. */
function bytesSlice(bytes, start, end) { return decoder.decode(bytes.subarray(start, end)); }

async function article(id) {
  if (!articleCache.has(id)) articleCache.set(id, api("/api/articles/" + encodeURIComponent(id)));
  return articleCache.get(id);
}

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch (_) { return null; }
}

async function showSource(panel, citation, button) {
  document.querySelectorAll(".cite[aria-pressed='true']").forEach((b) => b.setAttribute("aria-pressed", "false"));
  if (button) button.setAttribute("aria-pressed", "true");
  panel.replaceChildren(el("p", { class: "note" }, "Loading the source…"));
  let a;
  try { a = await article(citation.article); } catch (err) {
    panel.replaceChildren(el("p", { class: "error" }, "Cannot load ", citation.article, ": ", err.message));
    return;
  }
  const bytes = encoder.encode(a.text);
  const start = Math.max(0, Math.min(citation.start, bytes.length));
  const end = Math.max(start, Math.min(citation.end, bytes.length));
  const mark = el("mark", { id: "cited" }, bytesSlice(bytes, start, end));
  const href = a.url ? safeHref(a.url) : null;
  fill(panel,
    el("h3", {}, "Source"),
    el("p", { class: "meta" },
      el("strong", {}, a.source || "Unknown outlet"),
      a.published ? ` · ${day(a.published)}` : "",
      a.copies && a.copies.length ? ` · copied in ${plural(a.copies.length, "other article", "other articles")}` : ""),
    el("p", {}, el("strong", {}, a.title || a.id)),
    href ? el("p", { class: "meta" }, el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, "Original")) : null,
    el("div", { class: "text", id: "source-text" },
      bytesSlice(bytes, 0, start), mark, bytesSlice(bytes, end, bytes.length)));
  mark.scrollIntoView({ block: "center" });
}

function citeButtons(citations, panel, numbering) {
  return citations.map((c) => {
    const n = numbering.next(c);
    const b = el("button", {
      class: "cite", type: "button", "aria-pressed": "false",
      title: `Show the source sentence in ${c.article}`,
      "data-article": c.article,
    }, String(n));
    b.addEventListener("click", () => showSource(panel, c, b));
    return b;
  });
}

function numberer() {
  const seen = new Map();
  return { next(c) {
    const key = `${c.article}\u0000${c.start}\u0000${c.end}`;
    if (!seen.has(key)) seen.set(key, seen.size + 1);
    return seen.get(key);
  } };
}

function factList(title, cls, items, empty) {
  return el("section", { class: `card ${cls}` }, el("h3", {}, title),
    items.length ? el("ul", {}, items) : el("p", { class: "note" }, empty));
}

// The other values of each conflict (of up to three values) one of whose
// sides a brief sentence states, unless that side is the one most
// independent sources give (as the Markdown report words it).
function disputedNote(citations, story) {
  const overlaps = (a, b) => a.article === b.article && a.start < b.end && b.start < a.end;
  const meets = (xs, ys) => xs.some((x) => ys.some((y) => overlaps(x, y)));
  const support = (side) => Math.max(1, ...(story.claims || [])
    .filter((c) => meets(c.citations, side.citations)).map((c) => c.independent_sources));
  const others = [];
  for (const c of (story.conflicts || []).filter((c) => c.sides.length <= 3)) {
    const mine = c.sides.find((side) => meets(side.citations, citations));
    if (!mine) continue;
    const n = support(mine);
    const rest = c.sides.filter((side) => !meets(side.citations, citations));
    if (!rest.length || rest.every((side) => support(side) < n)) continue;
    others.push(`${c.subject} ${rest.map((side) => side.value).join(" or ")}`);
  }
  return others.length ? `(other reports: ${others.join("; ")})` : "";
}

// Who gives a conflict side's value, as the Markdown report words it.
function givenBy(side) {
  return side.speakers && side.speakers.length ? ` (according to ${side.speakers.join(", ")})` : "";
}

async function storyView(id) {
  const [story, metas] = await Promise.all([
    api("/api/stories/" + encodeURIComponent(id)),
    api("/api/stories/" + encodeURIComponent(id) + "/articles"),
  ]);
  const panel = el("aside", { class: "card source", id: "source", "aria-live": "polite" },
    el("h3", {}, "Source"),
    el("p", { class: "note" }, "Click a citation number to read the sentence in its article."));
  const nums = numberer();
  const brief = el("section", { class: "brief", id: "brief" },
    story.brief.length ? story.brief.map((s) => {
      const note = disputedNote(s.citations, story);
      return el("p", {}, s.text, citeButtons(s.citations, panel, nums),
        note ? el("span", { class: "meta disputed" }, " " + note) : null);
    })
      : el("p", { class: "note" }, "No brief yet."));

  const claims = story.claims || [];
  const li = (text, citations, extra) => el("li", {}, extra || null, text, citeButtons(citations || [], panel, nums));
  const corroborated = claims.filter((c) => c.independent_sources >= 2)
    .map((c) => li(c.text, c.citations, el("span", { class: "meta" }, `${c.independent_sources} sources: `)));
  const single = claims.filter((c) => c.independent_sources < 2).map((c) => li(c.text, c.citations));
  // Two or three values for one thing are a disagreement; more usually count
  // different places or incidents (as in the Markdown report).
  const conflictItem = (c) => el("li", {},
    el("strong", {}, `${c.subject} — ${c.attribute}`),
    c.sides.map((s) => el("span", { class: "side" }, `“${s.value}”`, givenBy(s), citeButtons(s.citations, panel, nums))));
  const conflicts = (story.conflicts || []).filter((c) => c.sides.length <= 3).map(conflictItem);
  const differing = (story.conflicts || []).filter((c) => c.sides.length > 3).map(conflictItem);
  const updates = (story.updates || []).map((u) => el("li", {},
    el("strong", {}, `${u.subject} — ${u.attribute} (updated)`),
    u.values.map((s) => el("span", { class: "side" }, `“${s.value}”`, givenBy(s), citeButtons(s.citations, panel, nums)))));

  // Who said what: a quotation after its speaker, reported speech after
  // the speaker and cue (as in the Markdown report).
  const said = (story.statements || []).map((s) => el("li", {},
    el("strong", {}, s.speaker),
    s.direct || !s.cue ? "" : ` ${s.cue}`,
    s.via ? ` (according to ${s.via})` : "",
    ": ",
    s.direct && !/^[“"‘]/.test(s.content) ? `“${s.content}”` : s.content,
    s.independent_sources >= 2 ? el("span", { class: "meta" }, ` — ${s.independent_sources} sources`) : null,
    citeButtons(s.citations, panel, nums)));

  const entities = (story.entities || []).map((e) => el("li", {}, e.name,
    el("span", { class: "variants" },
      ` ${e.kind}`, e.variants.filter((v) => v !== e.name).length ? ` · also ${e.variants.filter((v) => v !== e.name).join(", ")}` : "")));
  // Unresolved relative dates ("monday": the article had no publication
  // date) are shown as written, capitalised, in italics with an explanation.
  const resolved = (d) => /^[0-9]/.test(d);
  const asWritten = (d) => d.replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b/g,
    (w) => w[0].toUpperCase() + w.slice(1));
  const timeline = (story.timeline || []).map((t) => el("li", {},
    resolved(t.date)
      ? el("time", {}, t.date)
      : el("time", { class: "relative", title: "As written: the article has no publication date to resolve it against" }, asWritten(t.date)),
    t.text, citeButtons(t.citations, panel, nums)));
  const articles = metas.map((m) => el("li", {},
    el("strong", {}, m.source || "Unknown outlet"), m.published ? ` · ${day(m.published)}` : "", " — ", m.title || m.id));
  const sources = new Set(metas.map((m) => m.source).filter(Boolean));

  show(
    el("p", { class: "meta" }, el("a", { href: "#/" }, "← All stories")),
    el("h1", { id: "story-title" }, story.title || story.id),
    el("p", { class: "meta" }, plural(story.articles.length, "article", "articles"), " · ",
      plural(sources.size, "outlet", "outlets")),
    el("div", { class: "story" },
      el("div", {},
        brief,
        el("h2", {}, "Facts"),
        el("div", { class: "facts" },
          factList("Corroborated", "corroborated", corroborated, "None yet."),
          factList("Single source", "single", single, "None."),
          factList("Conflicting", "conflicting", conflicts.concat(updates), "No conflicts found."),
          differing.length
            ? factList("Differing figures (may count different places or incidents)", "differing", differing, "")
            : null),
        said.length ? [el("h2", {}, "Who said what"), el("ul", { class: "statements" }, said)] : null,
        entities.length ? [el("h2", {}, "Who and what"), el("ul", { class: "entities" }, entities)] : null,
        timeline.length ? [el("h2", {}, "Timeline"), el("ol", { class: "timeline" }, timeline)] : null,
        el("h2", {}, "Articles"), el("ul", { class: "plain" }, articles)),
      panel));
}

// -------------------------------------------------------------- search view

async function searchView(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  const qs = new URLSearchParams();
  for (const k of ["q", "source", "from", "to"]) if (params.get(k)) qs.set(k, params.get(k));
  const data = await api("/api/search?" + qs.toString());
  const stories = data.stories.map((s) => el("li", { class: "card" },
    el("a", { class: "title", href: storyLink(s.id) }, s.title || s.id),
    el("div", { class: "meta" }, plural(s.articles, "article", "articles")), snippet(s.snippet)));
  const articles = data.articles.map((a) => el("li", { class: "card" },
    el("a", { class: "title", href: storyLink(a.story) }, a.title || a.id),
    el("div", { class: "meta" }, a.source || "Unknown outlet", a.published ? ` · ${day(a.published)}` : ""),
    snippet(a.snippet)));
  show(el("h1", {}, "Search: ", q),
    el("h2", {}, "Stories"), stories.length ? el("ul", { class: "list" }, stories) : el("p", { class: "note" }, "No story matches."),
    el("h2", {}, "Articles"), articles.length ? el("ul", { class: "list" }, articles) : el("p", { class: "note" }, "No article matches."));
}

// ------------------------------------------------------------------ routing

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  try {
    if (path.startsWith("/story/")) await storyView(decodeURIComponent(path.slice(7)));
    else if (path === "/search") await searchView(params);
    else await listView(params);
    document.body.dataset.ready = "true";
  } catch (err) { fail(err); }
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = "#/search?q=" + encodeURIComponent(q);
});
window.addEventListener("hashchange", route);
route();
