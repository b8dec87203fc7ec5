// Browser test of the LüShen web app in real headless Chromium (Debian `chromium`), driven
// with playwright-core. Started by .ci/run:
//
//   LVSHEN_BIN=target/debug/lvshen node tests/browser/app.test.mjs
//
// It starts `lvshen serve --no-model` on a fresh data directory with four users, then:
// an applicant logs in, fills the standardized form, saves, sees the findings and the siting
// map, uploads the EIA document (PDF) and sees its findings, submits; a reviewer opens the
// queue, sees the document's findings, accepts a flag and drafts the opinion; staff ask
// a question and see the sources. Screenshots go to $SCREENSHOTS (default
// target/screenshots). Any failed step exits non-zero.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const root = resolve(new URL("../..", import.meta.url).pathname);
const bin = resolve(root, process.env.LVSHEN_BIN || "target/debug/lvshen");
const shots = resolve(root, process.env.SCREENSHOTS || "target/screenshots");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(shots, { recursive: true });
const data = mkdtempSync(join(tmpdir(), "lvshen-browser-"));
const port = 18000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;

function addUser(name, role, org) {
  const args = ["user", "add", name, "--role", role, "--data-dir", data];
  if (org) args.push("--org", org);
  execFileSync(bin, args, { input: `password-${name}\n`, stdio: ["pipe", "ignore", "inherit"] });
}
addUser("alice", "applicant", "绍兴甲印染有限公司");
addUser("rita", "reviewer");
addUser("sam", "staff");

const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`, "--no-model", "--data-dir", data], {
  stdio: ["ignore", "inherit", "inherit"],
});
let failed = false;
const step = (name) => console.log(`· ${name}`);

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`${base}/login`);
      if (r.ok) return;
    } catch (_) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start within 120 s");
}

async function login(page, name) {
  await page.goto(`${base}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', `password-${name}`);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  await waitReady();
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => { console.error("page error:", e.message); failed = true; });

  step("applicant: a wrong password is refused in Chinese");
  await page.goto(`${base}/login`);
  await page.fill('input[name="name"]', "alice");
  await page.fill('input[name="password"]', "wrong-password");
  await page.click('button[type="submit"]');
  await page.waitForSelector("p.error");
  assert.match(await page.textContent("p.error"), /用户名或密码错误/);

  step("applicant: logs in and fills the form");
  await login(page, "alice");
  assert.match(page.url(), /\/filings$/);
  await page.click('a[href="/filings/new"]');
  // Start from a real filing (imported), then change fields in the form.
  const filing = readFileSync(join(root, "tests/filings/err_water_indirect_limits.json"), "utf8");
  await page.setInputFiles("#import-file", { name: "f.json", mimeType: "application/json", buffer: Buffer.from(filing) });
  await page.waitForFunction(() => document.querySelector('[data-path="project.name"]').value !== "");
  await page.fill('[data-path="project.name"]', "浏览器测试印染项目");
  await page.fill('[data-path="location.longitude"]', "东经120度");
  await page.dispatchEvent('[data-path="location.longitude"]', "change");
  step("applicant: inline validation names the field");
  await page.waitForSelector('[data-issue="location.longitude"]:not(:empty)');
  assert.match(await page.textContent('[data-issue="location.longitude"]'), /数/);
  await page.screenshot({ path: join(shots, "01-applicant-form-validation.png"), fullPage: false });
  await page.fill('[data-path="location.longitude"]', "120.652");
  await page.check('[data-processes] input[value="printing"]');
  step("applicant: gives the screening-model inputs in the form (stack table keeps the pollutants)");
  await page.selectOption('[data-path="location.dispersion_setting"]', "rural");
  const stack = page.locator('table[data-array="air.outlets"] tbody tr').first();
  await stack.locator('[data-field="inner_diameter_m"]').fill("1.0");
  await stack.locator('[data-field="exit_temperature_c"]').fill("60");
  await Promise.all([page.waitForURL(/\/filings\/\d+$/), page.click("#save-draft")]);

  step("applicant: sees the findings, a clause, and the siting map");
  await page.waitForSelector("ul.findings li.error");
  const findings = await page.$$eval("ul.findings li", (els) => els.length);
  assert.ok(findings > 0, "findings shown");
  await page.click("ul.findings li.error button.cite");
  await page.waitForFunction(() => {
    const c = document.querySelector("ul.findings li.error .clause");
    return c && !c.hidden && !/正在查找/.test(c.textContent);
  });
  assert.ok(await page.$("section.siting svg"), "siting map shown");
  step("applicant: sees the independent prediction with the stack's pollutants and a plot");
  const prediction = await page.textContent("section.prediction");
  assert.match(prediction, /规范化预测评价/);
  assert.match(prediction, /DA001/, "the outlet's pollutants survived the stack table");
  assert.match(prediction, /非甲烷总烃/);
  assert.ok(await page.$("section.prediction figure svg"), "concentration–distance plot shown");
  await page.screenshot({ path: join(shots, "02-applicant-findings.png"), fullPage: true });
  step("applicant: uploads the EIA document (PDF) and sees its findings linked to pages");
  const filingUrl = page.url();
  await page.setInputFiles("#document-file", join(root, "tests/intake/fixtures/p1_figure_foreign.pdf"));
  await Promise.all([
    page.waitForURL(/\/filings\/\d+\/documents\/\d+$/, { timeout: 120000 }),
    page.click("#document-upload"),
  ]);
  const docText = await page.textContent("main");
  assert.match(docText, /doc\.restated\.stack_height/, "restated stack height found");
  assert.match(docText, /张冠李戴/, "foreign names found");
  assert.ok(await page.$('ul.doc-findings a[href*="/file#page="]'), "findings link to PDF pages");
  await page.screenshot({ path: join(shots, "02b-applicant-document.png"), fullPage: true });
  await page.goto(filingUrl);
  assert.match(await page.textContent("#documents"), /p1_figure_foreign\.pdf/);
  step("applicant: submits");
  page.once("dialog", (d) => d.accept());
  await Promise.all([page.waitForNavigation(), page.click("#submit-filing")]);
  assert.match(await page.textContent(".badge"), /已提交/);

  step("reviewer: queue, accept a flag, draft the opinion");
  const rctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  const rp = await rctx.newPage();
  rp.on("pageerror", (e) => { console.error("page error:", e.message); failed = true; });
  await login(rp, "rita");
  assert.match(rp.url(), /\/review$/);
  await rp.screenshot({ path: join(shots, "03-reviewer-queue.png") });
  await Promise.all([rp.waitForNavigation(), rp.click("table.grid a")]);
  assert.ok(await rp.$("#document-findings ul.doc-findings li"), "document findings beside the rule findings");
  const first = rp.locator("ul.findings li.error .decide").first();
  await first.locator(".comment").fill("问题属实，请整改");
  await first.locator('button[data-accept="true"]').click();
  await rp.waitForFunction(() => document.querySelector("ul.findings li.error .decide .state").textContent.includes("已采纳"));
  await rp.click("#draft-opinion");
  await rp.waitForFunction(() => document.querySelector("#opinion-text").value.includes("依据："));
  const opinion = await rp.inputValue("#opinion-text");
  assert.match(opinion, /审查意见/);
  await rp.fill("#opinion-text", opinion + "\n（审查人员已修改）");
  await rp.click("#save-opinion");
  await rp.waitForFunction(() => document.querySelector("#opinion-status").textContent.includes("已保存"));
  await rp.click("#permit-draft");
  await rp.waitForSelector("#permit-out table");
  await rp.screenshot({ path: join(shots, "04-reviewer-decision-opinion.png"), fullPage: true });

  step("staff: asks a question and sees the sources");
  const sctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  const sp = await sctx.newPage();
  sp.on("pageerror", (e) => { console.error("page error:", e.message); failed = true; });
  await login(sp, "sam");
  assert.match(sp.url(), /\/chat$/);
  await sp.fill("#chat-question", "印染企业间接排放总氮限值是多少？");
  await sp.click("#chat-send");
  await sp.waitForSelector(".msg.assistant .sources details", { timeout: 120000 });
  await sp.click(".msg.assistant .sources details summary");
  const answer = await sp.textContent(".msg.assistant .text");
  assert.ok(answer.length > 10, "an answer is shown");
  await sp.screenshot({ path: join(shots, "05-staff-chat.png"), fullPage: true });
  await Promise.all([rctx.close(), sctx.close(), ctx.close()]);
} catch (e) {
  console.error("FAILED:", e);
  failed = true;
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(data, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`browser test passed; screenshots in ${shots}`);
