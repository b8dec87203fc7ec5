// Several `lvshen serve` instances on one PostgreSQL database, used alternately (the way a
// round-robin reverse proxy would spread requests): a CI gate, and a measurement.
//
//   LVSHEN_BIN=target/debug/lvshen LVSHEN_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node tests/browser/instances.mjs [--seconds 15]
//
// 1. The applicant → reviewer flow with every request sent to the other instance than the
//    one before: sessions, CSRF tokens and the data live in the database.
// 2. Two editors of one filing on two instances: the stale save is a 409 naming the current
//    version, and nothing is lost.
// 3. Load: 50 users on POST /api/check spread over both instances (requests/s, p50/p99).
// 4. Kill -9 one instance while 20 applicants save through both: every save answered 200 must
//    be stored (read back through the surviving instance).

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";

const root = resolve(new URL("../..", import.meta.url).pathname);
const bin = resolve(root, process.env.LVSHEN_BIN || "target/release/lvshen");
const admin = process.env.LVSHEN_TEST_POSTGRES_URL;
if (!admin) {
  console.log("skipped: LVSHEN_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL server and sets it)");
  process.exit(0);
}
const secIdx = process.argv.indexOf("--seconds");
const seconds = secIdx > 0 ? Number(process.argv[secIdx + 1]) : 15;
const dbName = `lvshen_multi_${process.pid}`;
execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${dbName}`]);
const url = admin.slice(0, admin.lastIndexOf("/")) + "/" + dbName;
const filing = JSON.parse(readFileSync(join(root, "tests/filings/err_water_indirect_limits.json"), "utf8"));

function addUser(name, role, org) {
  const args = ["user", "add", name, "--role", role, "--db", url];
  if (org) args.push("--org", org);
  execFileSync(bin, args, { input: `password-${name}\n`, stdio: ["pipe", "ignore", "ignore"] });
}
addUser("alice", "applicant", "甲印染公司");
addUser("rita", "reviewer");
for (let i = 0; i < 50; i++) addUser(`app${i}`, "applicant", `印染公司${i}`);

const ports = [20100, 20200].map((p) => p + Math.floor(Math.random() * 100));
const dirs = ports.map(() => mkdtempSync(join(tmpdir(), "lvshen-inst-")));

// A document ingested on instance 0's machine with --shared reaches instance 1's index.
const docs = mkdtempSync(join(tmpdir(), "lvshen-docs-"));
writeFileSync(join(docs, "shared-rule.md"), `---
title: 示例市印染行业共享规定（测试）
doc_number: 示例〔2026〕1号
doc_type: law
status: 现行
---
# 示例市印染行业共享规定（测试）

第一条 本规定仅用于多实例共享文档测试，标记词：青瓷蓝靛。
`);
execFileSync(bin, ["ingest", "--shared", "--db", url, "--data-dir", dirs[0], docs], { stdio: ["ignore", "ignore", "inherit"] });
const bases = ports.map((p) => `http://127.0.0.1:${p}`);
function start(i) {
  return spawn(bin, ["serve", "--addr", `127.0.0.1:${ports[i]}`, "--db", url, "--no-model", "--data-dir", dirs[i]],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, LVSHEN_SHARED_SYNC_SECONDS: "2" } });
}
async function ready(base) {
  for (let i = 0; i < 900; i++) {
    try { if ((await fetch(`${base}/login`)).ok) return; } catch (_) {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} not ready`);
}
const servers = [start(0), start(1)];
// However this script ends, the servers end with it (they hold its output open).
process.on("exit", () => servers.forEach((p) => { try { p.kill("SIGKILL"); } catch (_) {} }));
process.on("uncaughtException", (e) => { console.error(e); process.exit(1); });
process.on("unhandledRejection", (e) => { console.error(e); process.exit(1); });
await Promise.all(bases.map(ready));
let turn = 0;
const next = () => bases[turn++ % 2];

async function login(name, base = next()) {
  const r = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `password-${name}` }) });
  assert.equal(r.status, 200, `login ${name}: ${await r.clone().text()}`);
  const j = await r.json();
  return { cookie: r.headers.get("set-cookie").split(";")[0], csrf: j.csrf };
}
async function call(u, method, path, body, base = next()) {
  const r = await fetch(`${base}${path}`, { method,
    headers: { "content-type": "application/json", cookie: u.cookie, "x-csrf-token": u.csrf },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null; try { json = JSON.parse(text); } catch (_) {}
  return { status: r.status, json, text };
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] || 0; };
let failed = false;

// 1. The flow, alternating instances on every request.
const alice = await login("alice");
let r = await call(alice, "POST", "/api/filings", { body: filing });
assert.equal(r.status, 200, r.text);
const id = r.json.id;
r = await call(alice, "PUT", `/api/filings/${id}`, { body: filing, base_version: 1 });
assert.equal(r.status, 200, r.text);
r = await call(alice, "POST", `/api/filings/${id}/submit`);
assert.equal(r.status, 200, r.text);
const rita = await login("rita");
r = await call(rita, "GET", "/api/review/queue?status=submitted");
assert.ok(r.json.filings.some((f) => f.id === id), r.text);
r = await call(rita, "GET", `/api/filings/${id}`);
const finding = r.json.checked.report.findings.find((f) => f.severity === "error");
r = await call(rita, "POST", `/api/review/${id}/decisions`,
  { finding_key: `${finding.rule_id}|${finding.field}`, accepted: true, comment: "属实" });
assert.equal(r.status, 200, r.text);
r = await call(rita, "GET", `/api/filings/${id}`);
assert.ok(r.json.decisions.length === 1, r.text);
console.log("| flow across two instances (applicant → reviewer) | ok |");
// A Markdown file is chunked by heading: its one section is the “概述”.
r = await call(rita, "GET", `/api/clause?doc=${encodeURIComponent("示例市印染行业共享规定（测试）")}&clause=${encodeURIComponent("概述")}`, undefined, bases[1]);
assert.equal(r.status, 200, r.text);
assert.match(r.json.text, /青瓷蓝靛/);
console.log("| document ingested with --shared before start, found on the other instance | ok |");
// … and one ingested while both serve reaches the other instance within its sync interval.
writeFileSync(join(docs, "shared-rule-2.md"), `---
title: 示例市印染行业共享规定之二（测试）
doc_number: 示例〔2026〕2号
doc_type: law
status: 现行
---
# 示例市印染行业共享规定之二（测试）

第一条 运行中加入的共享文档，标记词：越窑秘色。
`);
execFileSync(bin, ["ingest", "--shared", "--db", url, "--data-dir", mkdtempSync(join(tmpdir(), "lvshen-ing-")), docs],
  { stdio: ["ignore", "ignore", "inherit"] });
let live = null;
for (let i = 0; i < 60 && !live; i++) {
  await new Promise((res) => setTimeout(res, 500));
  const q = await call(rita, "GET", `/api/clause?doc=${encodeURIComponent("示例市印染行业共享规定之二（测试）")}&clause=${encodeURIComponent("概述")}`, undefined, bases[1]);
  if (q.status === 200) live = q;
}
assert.ok(live && /越窑秘色/.test(live.json.text), "a document shared while serving reached the other instance");
console.log("| document ingested with --shared while serving, found on the other instance | ok |");

// 2. Two editors on two instances.
r = await call(alice, "POST", "/api/filings", { body: filing }, bases[0]);
const shared = r.json.id;
const a = await call(alice, "PUT", `/api/filings/${shared}`, { body: filing, base_version: 1 }, bases[0]);
const b = await call(alice, "PUT", `/api/filings/${shared}`, { body: filing, base_version: 1 }, bases[1]);
assert.equal(a.status, 200, a.text);
assert.equal(b.status, 409, b.text);
assert.match(b.json.error.message, /第 2 版/);
console.log(`| two editors, two instances | first 200 (version ${a.json.version}) | second ${b.status}: ${b.json.error.message} |`);

// 3. Load on /api/check over both instances.
const users = await Promise.all(Array.from({ length: 50 }, (_, i) => login(`app${i}`, bases[i % 2])));
const lat = []; let errors = 0;
const until = Date.now() + seconds * 1000;
await Promise.all(users.map(async (u, i) => {
  let k = i;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      const res = await call(u, "POST", "/api/check", { body: filing }, bases[k++ % 2]);
      if (res.status !== 200) errors++;
    } catch (_) { errors++; }
    lat.push(performance.now() - t);
  }
}));
console.log(`| 2 instances on PostgreSQL · 50 users · POST /api/check · ${seconds} s | requests ${lat.length} | errors ${errors} | p50 ${pct(lat, 0.5).toFixed(1)} ms | p99 ${pct(lat, 0.99).toFixed(1)} ms | ${(lat.length / seconds).toFixed(0)} req/s |`);
if (errors > 0) failed = true;

// 4. Kill one instance while saving through both.
const acked = new Map(); // filing id → set of acknowledged versions
const writers = users.slice(0, 20);
const ids = [];
for (const u of writers) ids.push((await call(u, "POST", "/api/filings", { body: filing }, bases[1])).json.id);
let stop = false; let cut = 0;
const loops = writers.map(async (u, i) => {
  let k = i; let base = 1;
  while (!stop) {
    const target = bases[k++ % 2];
    try {
      const res = await call(u, "PUT", `/api/filings/${ids[i]}`, { body: filing }, target);
      if (res.status === 200) {
        if (!acked.has(ids[i])) acked.set(ids[i], new Set());
        acked.get(ids[i]).add(res.json.version);
      }
    } catch (_) { cut++; /* the killed instance */ }
    base++;
  }
});
await new Promise((res) => setTimeout(res, 3000));
servers[0].kill("SIGKILL");
await new Promise((res) => setTimeout(res, 3000));
stop = true;
await Promise.allSettled(loops);
let ackedCount = 0; let stored = 0; let lost = 0;
for (const [i, fid] of ids.entries()) {
  const versions = acked.get(fid) || new Set();
  ackedCount += versions.size;
  const res = await call(writers[i], "GET", `/api/filings/${fid}`, undefined, bases[1]);
  const latest = res.json.version.version;
  stored += latest - 1;
  for (const v of versions) if (v > latest) lost++;
}
console.log(`| kill -9 one of two instances during saves | acknowledged ${ackedCount} | stored ${stored} | acknowledged but missing ${lost} | requests cut by the kill ${cut} |`);
if (lost > 0 || stored < ackedCount) failed = true;

servers[1].kill("SIGTERM");
await new Promise((res) => setTimeout(res, 500));
for (const d of [...dirs, docs]) rmSync(d, { recursive: true, force: true });
execFileSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
process.exit(failed ? 1 : 0);
