// The web page, as a person sees it: IFEX's ifex.html (as the command line writes it for IFEX alone,
// tests/helpers.ts ifexDist) opened in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core). It shows the infobox and the timeline, makes no request but for itself, logs no
// error, and embeds exactly ifex.jsonld. A screenshot is saved under tmp/screenshots/ (ignored by
// git) for a person to look at.
//
// Without Chromium the browser tests are skipped, and their title says why. `.ci/run` installs it.

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeline } from "../scripts/writers/timeline.ts";
import { ifexDist, ifexFile, ROOT } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found; install it with: apt-get install chromium (or set CHROMIUM_PATH)`;
if (missing) console.warn(`browser test skipped: ${missing}`);

const PAGE = join(ifexDist(), "ifex.html");
const SCREENSHOT = join(ROOT, "tmp/screenshots/ifex.png");
const jsonLdFile = ifexFile("ifex.jsonld");

interface Visit {
  page: Page;
  errors: string[];
  requests: string[];
}

describe.skipIf(missing !== undefined)(missing ? `ifex.html in headless Chromium (skipped: ${missing})` : "ifex.html in headless Chromium", () => {
  let browser: Browser;
  let visit: Visit;

  /** Opens a page, recording every console error, page error, failed load and request. */
  async function open(url: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
    page.on("requestfailed", (request) => errors.push(`failed: ${request.url()}`));
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: "load" });
    return { page, errors, requests };
  }

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    visit = await open(pathToFileURL(PAGE).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no console error and no request but the page itself", () => {
    expect(visit.errors).toEqual([]);
    expect(visit.requests).toEqual([pathToFileURL(PAGE).href]);
  });

  it("would catch a page that loads something from outside (so the check above can fail)", async () => {
    const html = readFileSync(PAGE, "utf8").replace("</main>", '<img src="https://ifex.org/logo.png" alt=""></main>');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.setContent(html, { waitUntil: "load" });
    await page.close();
    expect(errors.join("\n")).toMatch(/Content Security Policy/);
  });

  it("shows the title and the infobox: its caption, the nine fields in order, the homepage as a link", async () => {
    const { page } = visit;
    expect(await page.title()).toBe("IFEX (organization)");
    expect(await page.locator("h1").innerText()).toBe("IFEX (organization)");
    const infobox = page.locator("table.infobox");
    expect(await infobox.isVisible()).toBe(true);
    expect(await infobox.locator("caption").innerText()).toBe("IFEX");
    const fields = ifex().model.infobox.fields;
    expect(fields).toHaveLength(9);
    expect(await infobox.locator("th").allInnerTexts()).toEqual(fields.map((f) => f.label));
    expect(await infobox.locator("td").allInnerTexts()).toEqual(fields.map((f) => f.value));
    const homepage = infobox.locator("tr", { hasText: "Homepage" }).locator("a");
    expect(await homepage.getAttribute("href")).toBe("https://ifex.org/");
    expect(await homepage.innerText()).toBe("https://ifex.org/");
    // It is laid out as a box a person can read, not collapsed or pushed off screen.
    const box = (await infobox.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(200);
    expect(box.x + box.width).toBeLessThanOrEqual(1100);
  });

  it("shows the timeline: every dated event and milestone, in date order", async () => {
    const { page } = visit;
    const items = page.locator("ol.timeline > li");
    const expected = timeline(ifex().model);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(await items.count()).toBe(expected.length);
    expect(await items.locator(".title").allInnerTexts()).toEqual(expected.map((e) => e.title));
    const dates = await items.evaluateAll((lis) => lis.map((li) => li.querySelector("time")!.getAttribute("datetime")!));
    expect(dates).toEqual([...dates].sort());
    const tunisia = items.filter({ hasText: "Tunisia Monitoring Group" });
    expect(await tunisia.locator(".when").innerText()).toBe("2004 – January 2013");
    const day = items.filter({ hasText: "2020 International Day to End Impunity" });
    expect(await day.locator(".when").innerText()).toBe("2 November 2020");
  });

  it("shows the people with their roles, and the places, each within the places containing it and with what happened there", async () => {
    const { page } = visit;
    const { model } = ifex();
    const people = page.locator("ul.people > li");
    expect(await people.locator(".name").allInnerTexts()).toEqual(model.people.map((p) => p.name));
    expect(await people.filter({ hasText: "Rachael Kay" }).locator(".roles").innerText()).toBe("(deputy executive director, IFEX; attendee at Francisco Medina speaks at the United Nations)");
    const medina = people.filter({ has: page.locator(".name", { hasText: /^Francisco Medina$/ }) });
    expect(await medina.locator(".roles").innerText()).toBe("(performer at Francisco Medina speaks at the United Nations)");
    expect(await medina.locator("p").innerText()).toBe("Nationality: Paraguay. Brother of two journalists murdered in Paraguay in 1997.");
    const places = page.locator("ul.places > li");
    expect(await places.locator(".name").allInnerTexts()).toEqual(model.places.map((p) => p.name));
    const toronto = places.filter({ has: page.locator(".name", { hasText: /^Toronto$/ }) });
    expect((await toronto.innerText()).split(/\n+/)).toEqual(["Toronto, Ontario, Canada (city)", "IFEX (based here); IFEX Secretariat (based here)"]);
    expect(await places.filter({ has: page.locator(".name", { hasText: /^Montreal$/ }) }).locator("p").innerText()).toContain("IFEX (founded here)");
  });

  it("embeds exactly ifex.jsonld, which the browser parses as JSON", async () => {
    const { page } = visit;
    const scripts = page.locator('script[type="application/ld+json"]');
    expect(await scripts.count()).toBe(1);
    const embedded = await scripts.evaluate((script) => script.textContent);
    expect(embedded).toBe(jsonLdFile);
    const parsed = await scripts.evaluate((script) => JSON.parse(script.textContent!) as { "@graph": { name: string }[] });
    expect(parsed).toEqual(JSON.parse(jsonLdFile));
    expect(parsed["@graph"][0]!.name).toBe("IFEX");
  });

  it("credits the article and its license", async () => {
    const footer = visit.page.locator("footer");
    expect(await footer.locator('a[rel="license"]').getAttribute("href")).toBe("https://creativecommons.org/licenses/by-sa/4.0/");
    expect(await footer.innerText()).toContain("IFEX (organization)");
  });

  it("saves a screenshot for a person to look at", async () => {
    mkdirSync(join(ROOT, "tmp/screenshots"), { recursive: true });
    await visit.page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
  });
});

describe("ifex.html, as text", () => {
  const html = readFileSync(PAGE, "utf8");

  it("refers to nothing outside itself: no external script, style, font, image or frame", () => {
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(html).not.toMatch(/<script\b(?![^>]*type="application\/ld\+json")/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
  });

  it("holds the JSON-LD byte for byte, in its one data script", () => {
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(jsonLdFile);
  });
});
