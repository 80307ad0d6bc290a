import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseContents } from '@tongwen/book';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempBook, tongwen } from './helpers.js';

/** Debian's Chromium (`.ci/run` installs it); `TONGWEN_CHROMIUM` points elsewhere. */
const executablePath = process.env.TONGWEN_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
const skipReason = `no Chromium at ${executablePath}: the HTML report tests in a browser are skipped (apt-get install chromium, or set TONGWEN_CHROMIUM)`;
if (!hasChromium) process.stderr.write(`[tongwen tests] ${skipReason}\n`);

const temps: string[] = [];
let browser: Browser;

/** Open a report; collect dialogs, console errors, page errors and every request. */
async function open(file: string, options: { javaScriptEnabled?: boolean } = {}) {
  const page: Page = await browser.newPage({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
  const events = { dialogs: [] as string[], errors: [] as string[], requests: [] as string[] };
  page.on('dialog', (dialog) => {
    events.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') events.errors.push(message.text());
  });
  page.on('pageerror', (error) => events.errors.push(error.message));
  page.on('request', (request) => events.requests.push(request.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  return { page, events, url };
}

describe.skipIf(!hasChromium)(`the HTML report in Chromium (${hasChromium ? executablePath : skipReason})`, () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    temps.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('shows hostile titles and link targets literally and runs none of them', async () => {
    const root = tempBook({
      'SUMMARY.md': '# 书\n\n* [<script>alert(1)</script>](a.md)\n* [javascript:alert(1)](javascript:alert(1))\n',
      'a.md': '# <script>alert(1)</script>\n\n见[甲](javascript:alert(1))和[乙](x.md#"><img src=x onerror=alert(1)>)和[丙](./javascript:alert(1).md)。\n',
      '"><img src=x onerror=alert(1)>.md': '# 乙\n\n见[甲](a.md)。\n',
    });
    temps.push(root);
    const report = path.join(root, 'out', 'report.html');
    expect((await tongwen(['check', '.', '--format', `html:${report}`], root)).stderr).toBe('');
    const { page, events, url } = await open(report);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>.md');
    expect(text).toContain('javascript:alert(1).md');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`${url}#`) || href.startsWith(pathToFileURL(root).href)).toBe(true);
    // The orphan's link opens the file beside the report's folder, percent-encoded.
    expect(hrefs).toContain(`${pathToFileURL(root).href}/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.md`);
    // Clicking the hostile chapter filters to its findings.
    await page.locator('#contents a.title', { hasText: '<script>alert(1)</script>' }).click();
    expect(await page.locator('li.finding:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-chapter')))).toEqual(['a.md', 'a.md']);
    await page.emulateMedia({ media: 'print' });
    expect(events).toEqual({ dialogs: [], errors: [], requests: [url] });
    await page.close();
  });

  describe.skipIf(!hasShared)(`docker_practice-2026 (${hasShared ? 'corpus present' : sharedSkipReason})`, () => {
    let report: string;
    let findings: { ruleId: string; file: string }[];

    beforeAll(async () => {
      const out = mkdtempSync(path.join(tmpdir(), 'tongwen-html-'));
      temps.push(out);
      report = path.join(out, 'report.html');
      const json = path.join(out, 'report.json');
      const run = await tongwen(['check', corpusPath('docker_practice-2026'), '--format', `html:${report}`, '--format', `json:${json}`], repoRoot);
      expect(run.stderr).toBe('');
      findings = JSON.parse(readFileSync(json, 'utf8')).findings;
    });

    it('renders the whole contents tree in contents order, parts collapsible, without errors or requests', async () => {
      const book = corpusPath('docker_practice-2026');
      const contents = parseContents(readFileSync(path.join(book, 'SUMMARY.md'), 'utf8'), 'SUMMARY.md', { grammar: 'auto' });
      const { page, events, url } = await open(report);
      const titles = await page.locator('section.book > ul.tree a.title').allInnerTexts();
      const listed = contents.entries.filter((entry) => entry.path).map((entry) => entry.title);
      expect(titles.slice(0, listed.length)).toEqual(listed);
      expect(listed.length).toBeGreaterThan(150);
      expect(await page.locator('section.book li.part > details > summary .title').allInnerTexts()).toEqual(expect.arrayContaining(contents.parts));
      // Collapsing a part hides its chapters; the keyboard opens it again.
      const part = page.locator('section.book li.part > details').nth(1);
      const first = part.locator('a.title').first();
      await part.locator('summary').click();
      expect(await first.isVisible()).toBe(false);
      await part.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await first.isVisible()).toBe(true);
      expect(await page.locator('li.finding').count()).toBe(findings.length);
      expect(events).toEqual({ dialogs: [], errors: [], requests: [url] });
      await page.screenshot({ path: path.join(path.dirname(report), 'report.png') });
      await page.close();
    });

    it('clicking a rule filters the list to exactly its findings; clicking a chapter, to that chapter', async () => {
      const { page } = await open(report);
      const counts = new Map<string, number>();
      for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      const [rule, count] = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).find(([, n]) => n > 1)!;
      await page.locator('#by-rule a[data-filter="rule"]', { hasText: rule }).click();
      const shown = () => page.locator('li.finding:visible').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')} ${li.getAttribute('data-chapter')}`));
      expect(await shown()).toEqual(findings.filter((f) => f.ruleId === rule).map((f) => `${f.ruleId} ${f.file}`));
      expect(await page.locator('#shown').innerText()).toBe(`${count} of ${findings.length} shown`);
      const file = findings[0]!.file;
      await page.locator(`#contents a.title[data-value="${file}"]`).click();
      expect(await shown()).toEqual(findings.filter((f) => f.file === file).map((f) => `${f.ruleId} ${f.file}`));
      await page.fill('input[name="q"]', 'no such text anywhere');
      expect(await page.locator('li.finding:visible').count()).toBe(0);
      expect(await page.locator('#none').isVisible()).toBe(true);
      // Sorting the rule chart by name puts the rules in order.
      await page.locator('#by-rule button[data-sort="name"]').click();
      const names = await page.locator('#by-rule tbody th').allInnerTexts();
      expect(names).toEqual([...names].sort());
      await page.close();
    });

    it('with JavaScript off, every finding and the contents are there; the filters are not', async () => {
      const { page } = await open(report, { javaScriptEnabled: false });
      expect(await page.locator('li.finding:visible').count()).toBe(findings.length);
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await page.locator('section.book a.title').count()).toBeGreaterThan(150);
      await page.close();
    });
  });
});
