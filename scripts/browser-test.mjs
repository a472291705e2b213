// Driven by scripts/browser-test.sh: CHROME, BASE and OUT come from the
// environment. Exits non-zero with a message on the first failure.
import { chromium } from "playwright-core";

const { CHROME, BASE, OUT } = process.env;
const fail = (msg) => { console.error("browser-test: FAIL: " + msg); process.exit(1); };

const browser = await chromium.launch({
  executablePath: CHROME,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const dialogs = [];
const errors = [];
const cspViolations = [];

async function page(viewport) {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  p.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/.test(m.text())) cspViolations.push(m.text());
  });
  return p;
}

try {
  const p = await page({ width: 1280, height: 900 });
  await p.goto(BASE + "/", { waitUntil: "networkidle" });
  await p.waitForSelector("#stories li a.title");
  const titles = await p.$$eval("#stories li a.title", (as) => as.map((a) => a.textContent));
  if (titles.length < 3) fail(`expected at least 3 stories, saw ${titles.length}`);
  await p.screenshot({ path: `${OUT}/list-desktop.png`, fullPage: true });

  // Open the demo's explosion story (the one with the wire story and reprint).
  const story = p.locator("#stories li a.title", { hasText: /blast|explosion|plant/i }).first();
  if (await story.count() === 0) fail("no story about the plant explosion in the list: " + titles.join(" | "));
  await story.click();
  await p.waitForSelector("#brief .cite");
  const title = await p.textContent("#story-title");

  // Click the first citation: its sentence must be highlighted in the source.
  const first = p.locator("#brief p").first();
  const sentence = (await first.evaluate((el) => el.firstChild.textContent)).trim();
  await first.locator(".cite").first().click();
  await p.waitForSelector("#source mark#cited");
  const marked = (await p.textContent("#source mark#cited")).replace(/\s+/g, " ").trim();
  if (marked !== sentence.replace(/\s+/g, " ")) fail(`highlighted ${JSON.stringify(marked)}, cited ${JSON.stringify(sentence)}`);
  const pressed = await first.locator(".cite").first().getAttribute("aria-pressed");
  if (pressed !== "true") fail("clicked citation is not marked pressed");
  const panelText = await p.textContent("#source");
  if (/\bnull\b|\bundefined\b/.test(panelText)) fail("the source panel shows null/undefined");
  const srcText = await p.textContent("#source-text");
  if (!srcText.includes(marked)) fail("highlight is not inside the source text");
  await p.screenshot({ path: `${OUT}/story-desktop.png`, fullPage: false });
  console.log(`browser-test: story "${title}", citation highlighted: "${marked.slice(0, 80)}…"`);

  // Who said what: a statement's citation highlights its words in the source.
  const statement = p.locator("ul.statements li").first();
  if (await statement.count() === 0) fail("no statements listed under Who said what");
  await statement.locator(".cite").first().click();
  await p.waitForSelector("#source mark#cited");
  const said = (await p.textContent("#source mark#cited")).replace(/\s+/g, " ").trim();
  const listed = (await statement.textContent()).replace(/\s+/g, " ");
  if (!said || !listed.includes(said)) fail(`statement highlight ${JSON.stringify(said)} is not the listed words ${JSON.stringify(listed)}`);

  // A brief sentence stating one side of an even dispute says so (the
  // demo's club vote: 14 June in one report, 14 July in another).
  await p.goto(BASE + "/", { waitUntil: "networkidle" });
  await p.waitForSelector("#stories li a.title");
  const vote = p.locator("#stories li a.title", { hasText: /Brackwater|Fenmoor/i }).first();
  if (await vote.count() === 0) fail("no story about the club's vote in the list");
  await vote.click();
  await p.waitForSelector("#brief .cite");
  const notes = await p.$$eval("#brief .disputed", (ns) => ns.map((n) => n.textContent));
  if (!notes.some((n) => /other reports: .*14 (June|July)/.test(n))) fail("no disputed note on the vote's date in the brief: " + JSON.stringify(notes));

  // Search box.
  await p.fill("#q", "firefighters");
  await p.press("#q", "Enter");
  await p.waitForSelector(".snippet mark");

  // The hostile article: open its story and every citation; nothing may run.
  await p.goto(BASE + "/#/search?q=Kalis%20bridge", { waitUntil: "networkidle" });
  await p.waitForSelector(".list a.title");
  await p.locator(".list a.title").first().click();
  await p.waitForSelector("#story-title");
  const cites = p.locator(".cite");
  for (let i = 0; i < await cites.count(); i++) await cites.nth(i).click();
  await p.waitForTimeout(300);
  const shown = await p.textContent("main");
  if (!shown.includes("<script>")) fail("the hostile text should be shown as text (with its <script> visible)");
  const injected = await p.evaluate(() => ({
    xss: window.__xss ?? null,
    scripts: document.querySelectorAll("main script, main iframe, main img, main svg").length,
    handlers: [...document.querySelectorAll("main *")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
  }));
  if (injected.xss !== null) fail("a payload ran: window.__xss = " + injected.xss);
  if (injected.scripts || injected.handlers) fail("payload markup became elements: " + JSON.stringify(injected));
  await p.screenshot({ path: `${OUT}/hostile-desktop.png`, fullPage: false });

  // Phone.
  const m = await page({ width: 390, height: 844 });
  await m.goto(BASE + "/", { waitUntil: "networkidle" });
  await m.waitForSelector("#stories li a.title");
  await m.screenshot({ path: `${OUT}/list-phone.png`, fullPage: false });
  const listOverflow = await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (listOverflow > 1) fail(`story list is ${listOverflow}px wider than the phone screen`);
  await m.locator("#stories li a.title", { hasText: /blast|explosion|plant/i }).first().click();
  await m.waitForSelector("#brief .cite");
  const overflow = await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) fail(`page is ${overflow}px wider than the phone screen`);
  await m.locator("#brief .cite").first().click();
  await m.waitForSelector("#source mark#cited");
  await m.waitForTimeout(500);
  await m.screenshot({ path: `${OUT}/story-phone.png`, fullPage: false });

  if (dialogs.length) fail("a dialog opened: " + dialogs.join(", "));
  if (errors.length) fail("page errors: " + errors.join(" | "));
  console.log(`browser-test: OK (${cspViolations.length} inline-content attempts blocked by CSP)`);
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
}
