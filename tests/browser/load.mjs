// Load and crash test of `lvshen serve`, from a second process on loopback. Measurement,
// not a CI gate: prints a table for the notes.
//
//   LVSHEN_BIN=target/release/lvshen node tests/browser/load.mjs [--model] [--seconds 20] [--db URL]
//
// `--db postgres://…` runs the same test on a PostgreSQL database (a new, empty one).
//
// 1. 50 concurrent users on POST /api/check (a real filing each time): requests, errors,
//    p50/p99 latency, throughput.
// 2. 10 concurrent chat users on POST /api/chat (with --model the local model answers;
//    the bounded queue answers 模型正忙 beyond its size): nobody may get a 500.
// 3. Kill -9 the server while applicants save filings, restart it: every save that was
//    answered 200 must still be there.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(new URL("../..", import.meta.url).pathname);
const bin = resolve(root, process.env.LVSHEN_BIN || "target/release/lvshen");
const withModel = process.argv.includes("--model");
const secIdx = process.argv.indexOf("--seconds");
const seconds = secIdx > 0 ? Number(process.argv[secIdx + 1]) : 20;
const data = mkdtempSync(join(tmpdir(), "lvshen-load-"));
const dbIdx = process.argv.indexOf("--db");
const db = dbIdx > 0 ? ["--db", process.argv[dbIdx + 1]] : [];
const port = 19000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const filing = JSON.parse(readFileSync(join(root, "tests/filings/err_water_indirect_limits.json"), "utf8"));

function addUser(name, role, org) {
  const args = ["user", "add", name, "--role", role, "--data-dir", data, ...db];
  if (org) args.push("--org", org);
  execFileSync(bin, args, { input: `password-${name}\n`, stdio: ["pipe", "ignore", "ignore"] });
}
for (let i = 0; i < 50; i++) addUser(`app${i}`, "applicant", `印染公司${i}`);
for (let i = 0; i < 10; i++) addUser(`staff${i}`, "staff");

function start() {
  const args = ["serve", "--addr", `127.0.0.1:${port}`, "--data-dir", data, ...db];
  if (!withModel) args.push("--no-model");
  return spawn(bin, args, { stdio: ["ignore", "ignore", "inherit"] });
}
async function ready() {
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(`${base}/login`)).ok) return; } catch (_) {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server not ready");
}
async function login(name) {
  const r = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `password-${name}` }) });
  const j = await r.json();
  return { cookie: r.headers.get("set-cookie").split(";")[0], csrf: j.csrf };
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] || 0; };

let server = start();
await ready();

// 1. check endpoint
const users = await Promise.all(Array.from({ length: 50 }, (_, i) => login(`app${i}`)));
const lat = []; let errors = 0; let statuses = {};
const until = Date.now() + seconds * 1000;
await Promise.all(users.map(async (u) => {
  while (Date.now() < until) {
    const t = performance.now();
    try {
      const r = await fetch(`${base}/api/check`, { method: "POST",
        headers: { "content-type": "application/json", cookie: u.cookie, "x-csrf-token": u.csrf },
        body: JSON.stringify({ body: filing }) });
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      if (r.status !== 200) errors++;
    } catch (_) { errors++; }
    lat.push(performance.now() - t);
  }
}));
console.log(`| 50 users · POST /api/check · ${seconds} s | requests ${lat.length} | errors ${errors} | p50 ${pct(lat, 0.5).toFixed(1)} ms | p99 ${pct(lat, 0.99).toFixed(1)} ms | ${(lat.length / seconds).toFixed(0)} req/s | statuses ${JSON.stringify(statuses)} |`);

// 2. chat
const staff = await Promise.all(Array.from({ length: 10 }, (_, i) => login(`staff${i}`)));
const chat = await Promise.all(staff.map(async (u, i) => {
  const t = performance.now();
  const r = await fetch(`${base}/api/chat`, { method: "POST",
    headers: { "content-type": "application/json", cookie: u.cookie, "x-csrf-token": u.csrf },
    body: JSON.stringify({ question: ["印染企业间接排放总氮限值是多少？", "曹娥江重点保护区内禁止哪些行为？", "排污许可证有效期几年？"][i % 3] }) });
  const text = await r.text();
  const kind = text.includes("event: done") ? "answered" : text.includes('"code":"busy"') ? "busy" : text.includes("event: error") ? "error" : `http ${r.status}`;
  return { status: r.status, kind, queued: text.includes('"state":"queued"'), ms: performance.now() - t };
}));
const tally = {}; chat.forEach((c) => { tally[c.kind] = (tally[c.kind] || 0) + 1; });
console.log(`| 10 chat users (${withModel ? "local model" : "no model"}) | HTTP 500: ${chat.filter((c) => c.status >= 500).length} | ${JSON.stringify(tally)} | saw queued: ${chat.filter((c) => c.queued).length} | p50 ${pct(chat.map((c) => c.ms), 0.5).toFixed(0)} ms | max ${Math.max(...chat.map((c) => c.ms)).toFixed(0)} ms |`);

// 3. crash while saving
const acked = [];
let stop = false;
const writers = users.slice(0, 20).map(async (u, i) => {
  while (!stop) {
    const body = { ...filing, project: { ...filing.project, name: `崩溃测试 ${i}-${acked.length}` } };
    try {
      const r = await fetch(`${base}/api/filings`, { method: "POST",
        headers: { "content-type": "application/json", cookie: u.cookie, "x-csrf-token": u.csrf },
        body: JSON.stringify({ body }) });
      if (r.status === 200) acked.push({ user: i, id: (await r.json()).id });
    } catch (_) { /* connection cut by the kill */ }
  }
});
await new Promise((r) => setTimeout(r, 3000));
server.kill("SIGKILL");
stop = true;
await Promise.allSettled(writers);
server = start();
await ready();
let missing = 0;
for (const a of acked) {
  const u = await login(`app${a.user}`);
  const r = await fetch(`${base}/api/filings/${a.id}`, { headers: { cookie: u.cookie } });
  if (r.status !== 200) missing++;
}
console.log(`| kill -9 during saves, restart | acknowledged saves ${acked.length} | missing after restart ${missing} |`);
server.kill("SIGTERM");
rmSync(data, { recursive: true, force: true });
process.exit(missing > 0 || chat.some((c) => c.status >= 500) ? 1 : 0);
