// Forms are sent by script, never by the browser (no inline handlers: the CSP forbids them).
document.querySelectorAll("#filing-form, #chat-form, #add-user, #user-action").forEach((f) =>
  f.addEventListener("submit", (e) => e.preventDefault())
);
// 绿审 web app: the few interactions the server-rendered pages need. No framework, no
// external files. Every request that changes data carries the session's CSRF token.
"use strict";
(function () {
  const csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
  const $ = (s, el) => (el || document).querySelector(s);
  const $$ = (s, el) => Array.from((el || document).querySelectorAll(s));

  async function api(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    let data = null;
    try { data = await res.json(); } catch (_) { data = null; }
    if (!res.ok) {
      const msg = data && data.error ? data.error.message : "请求失败（HTTP " + res.status + "）";
      throw new Error(msg);
    }
    return data;
  }

  // ---- citations: expand to the clause text ------------------------------------------
  document.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button.cite");
    if (!b) return;
    const box = b.closest(".body") ? $(".clause", b.closest(".body")) : null;
    if (!box) return;
    if (!box.hidden && box.dataset.key === b.dataset.doc + b.dataset.clause) { box.hidden = true; return; }
    box.hidden = false; box.dataset.key = b.dataset.doc + b.dataset.clause; box.textContent = "正在查找条文…";
    try {
      const q = new URLSearchParams({ doc: b.dataset.doc, clause: b.dataset.clause });
      const r = await api("GET", "/api/clause?" + q);
      box.textContent = "《" + r.doc + "》" + r.clause + "：" + r.text;
    } catch (e) { box.textContent = e.message; }
  });

  // ---- the filing form -----------------------------------------------------------------
  const form = $("#filing-form");
  function getPath(obj, path) {
    return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
  }
  function setPath(obj, path, value) {
    const keys = path.split(".");
    let o = obj;
    for (const k of keys.slice(0, -1)) {
      if (typeof o[k] !== "object" || o[k] === null) {
        if (value === undefined) return; // nothing to remove, and no empty section created
        o[k] = {};
      }
      o = o[k];
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete o[last]; else o[last] = value;
  }
  function readValue(el) {
    const v = el.value.trim();
    if (v === "") return undefined;
    if (el.dataset.kind === "number") {
      const n = Number(v.replace(/,/g, ""));
      return Number.isFinite(n) ? n : v; // the server names the field if it is not a number
    }
    return v;
  }
  function baseJson() {
    try { return JSON.parse($("#filing-json").value || "{}"); } catch (_) { return null; }
  }
  function fillForm(doc) {
    $$("[data-path]", form).forEach((el) => {
      const v = getPath(doc, el.dataset.path);
      el.value = v === undefined || v === null ? "" : String(v);
    });
    const procs = doc.processes || [];
    $$("[data-processes] input", form).forEach((c) => { c.checked = procs.includes(c.value); });
    $$("table[data-array]", form).forEach((table) => {
      const tbody = $("tbody", table);
      tbody.innerHTML = "";
      (getPath(doc, table.dataset.array) || []).forEach((item) => addRow(table, item));
    });
  }
  function addRow(table, item) {
    const tpl = table.parentElement.querySelector("template");
    const row = tpl.content.firstElementChild.cloneNode(true);
    $$("[data-field]", row).forEach((el) => {
      const v = item ? item[el.dataset.field] : undefined;
      el.value = v === undefined || v === null ? "" : String(v);
    });
    // Keys the table has no column for (an outlet's pollutants, extensions) ride along.
    if (item) row.dataset.base = JSON.stringify(item);
    $("tbody", table).appendChild(row);
  }
  function collect() {
    const doc = baseJson();
    if (doc === null) return null;
    $$("[data-path]", form).forEach((el) => setPath(doc, el.dataset.path, readValue(el)));
    if (doc.location && doc.location.industrial_park === undefined) doc.location.industrial_park = null;
    const procs = $$("[data-processes] input:checked", form).map((c) => c.value);
    if (procs.length) doc.processes = procs; else delete doc.processes;
    $$("table[data-array]", form).forEach((table) => {
      const items = $$("tbody tr", table).map((tr) => {
        let item = {};
        try { item = tr.dataset.base ? JSON.parse(tr.dataset.base) : {}; } catch (_) { item = {}; }
        $$("[data-field]", tr).forEach((el) => {
          const v = readValue(el);
          if (v === undefined) delete item[el.dataset.field]; else item[el.dataset.field] = v;
        });
        return item;
      }).filter((it) => Object.keys(it).length > 0);
      setPath(doc, table.dataset.array, items.length ? items : undefined);
    });
    $("#filing-json").value = JSON.stringify(doc, null, 2);
    return doc;
  }
  function showIssues(issues) {
    $$(".issue", form).forEach((el) => { el.textContent = ""; });
    $$(".field.bad", form).forEach((el) => el.classList.remove("bad"));
    const box = $("#issues");
    if (!issues || !issues.length) { box.innerHTML = ""; return; }
    const list = document.createElement("ul");
    issues.forEach((i) => {
      const li = document.createElement("li");
      li.textContent = (i.path ? i.path + "：" : "") + i.message;
      list.appendChild(li);
      // The most specific field the path names: water.pollutants[0].code → water.pollutants.
      let target = $('[data-issue="' + CSS.escape(i.path) + '"]', form);
      if (!target) target = $('[data-issue="' + CSS.escape(i.path.replace(/\[\d+\].*$/, "")) + '"]', form);
      if (target) {
        target.textContent = (target.textContent ? target.textContent + "；" : "") + i.message;
        const field = target.closest(".field");
        if (field) field.classList.add("bad");
      }
    });
    box.innerHTML = "<h3>请修正以下问题</h3>";
    box.appendChild(list);
  }
  if (form) {
    const doc = baseJson();
    if (doc) fillForm(doc);
    form.addEventListener("click", (ev) => {
      const add = ev.target.closest("[data-add-row]");
      if (add) addRow($('table[data-array="' + add.dataset.addRow + '"]', form));
      const rm = ev.target.closest("[data-remove-row]");
      if (rm) rm.closest("tr").remove();
    });
    let timer = null;
    form.addEventListener("change", (ev) => {
      if (ev.target.id === "filing-json") { const d = baseJson(); if (d) fillForm(d); else showIssues([{ path: "", message: "完整 JSON 有语法错误" }]); return; }
      if (ev.target.id === "import-file") return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const d = collect();
        if (!d) return;
        try { const r = await api("POST", "/api/validate", { body: d }); showIssues(r.issues); } catch (_) { /* shown on save */ }
      }, 300);
    });
    $("#import-file").addEventListener("change", async (ev) => {
      const f = ev.target.files[0];
      if (!f) return;
      const text = await f.text();
      try { const d = JSON.parse(text); $("#filing-json").value = JSON.stringify(d, null, 2); fillForm(d); showIssues([]); }
      catch (e) { showIssues([{ path: "", message: "导入的文件不是有效的 JSON：" + e.message }]); }
    });
    $("#export-json").addEventListener("click", () => {
      const d = collect();
      if (!d) return;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([JSON.stringify(d, null, 2)], { type: "application/json" }));
      a.download = ((d.project && d.project.name) || "filing") + ".json";
      a.click();
    });
    $("#save-draft").addEventListener("click", async (ev) => {
      const d = collect();
      const status = $("#save-status");
      if (!d) { showIssues([{ path: "", message: "完整 JSON 有语法错误，无法保存" }]); return; }
      ev.target.disabled = true; status.textContent = "正在保存并预审…";
      try {
        const id = form.dataset.id;
        const payload = { body: d };
        if (id && form.dataset.version) payload.base_version = Number(form.dataset.version);
        const r = await api(id ? "PUT" : "POST", id ? "/api/filings/" + id : "/api/filings", payload);
        form.dataset.version = r.version;
        const unreadable = !r.checked.report;
        showIssues(r.checked.issues);
        if (unreadable) { status.textContent = "已保存为草稿（第 " + r.version + " 版），但填报无法读取，请修正上面的问题"; form.dataset.id = r.id; }
        else { window.location.href = "/filings/" + r.id; }
      } catch (e) { status.textContent = e.message; }
      finally { ev.target.disabled = false; }
    });
  }

  // ---- applicant: submit -----------------------------------------------------------------
  const submit = $("#submit-filing");
  if (submit) submit.addEventListener("click", async () => {
    if (!confirm("提交后不能再修改，确定提交生态环境局？")) return;
    submit.disabled = true;
    try { await api("POST", "/api/filings/" + submit.dataset.id + "/submit"); window.location.reload(); }
    catch (e) { alert(e.message); submit.disabled = false; }
  });

  // ---- EIA document upload (applicant and reviewer) -----------------------------------
  const docs = $("#documents");
  const uploadButton = $("#document-upload");
  if (docs && uploadButton) uploadButton.addEventListener("click", () => {
    const input = $("#document-file");
    const status = $("#document-status");
    const file = input.files && input.files[0];
    if (!file) { status.textContent = "请先选择 DOCX 或 PDF 文件"; return; }
    const max = 40 * 1024 * 1024;
    if (file.size > max) { status.textContent = "文件 " + (file.size / 1048576).toFixed(1) + " MB，超过上限 40 MB"; return; }
    uploadButton.disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/filings/" + docs.dataset.id + "/documents?name=" + encodeURIComponent(file.name));
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) status.textContent = "上传中 " + Math.round(100 * e.loaded / e.total) + "%";
    };
    xhr.upload.onload = () => { status.textContent = "已上传，正在读取与检查（识别章节、提取字段、核对与查重，较大的文件约需数十秒）…"; };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (_) { data = null; }
      if (xhr.status === 201 && data) {
        status.textContent = "完成：" + data.format_label + "，错误 " + data.summary.errors + " 项，警告 " + data.summary.warnings + " 项";
        window.location.href = data.url;
      } else {
        status.textContent = (data && data.error) ? data.error.message : "上传失败（HTTP " + xhr.status + "）";
        uploadButton.disabled = false;
      }
    };
    xhr.onerror = () => { status.textContent = "网络错误，上传未完成，请重试"; uploadButton.disabled = false; };
    xhr.send(file);
  });

  // ---- reviewer: decisions, opinion, permit draft ---------------------------------------
  const findings = $("#findings");
  if (findings) findings.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button[data-accept]");
    if (!b) return;
    const box = b.closest(".decide");
    b.disabled = true;
    try {
      await api("POST", "/api/review/" + findings.dataset.id + "/decisions",
        { finding_key: box.dataset.key, accepted: b.dataset.accept === "true", comment: $(".comment", box).value });
      const accepted = b.dataset.accept === "true";
      $(".state", box).innerHTML = accepted ? '<span class="badge accepted">已采纳</span>' : '<span class="badge dismissed">已驳回</span>';
    } catch (e) { alert(e.message); }
    finally { b.disabled = false; }
  });
  const opinion = $("#opinion");
  if (opinion) {
    $("#draft-opinion").addEventListener("click", async (ev) => {
      ev.target.disabled = true; $("#opinion-status").textContent = "正在起草…";
      try { const r = await api("POST", "/api/review/" + opinion.dataset.id + "/opinion"); $("#opinion-text").value = r.text; $("#opinion-status").textContent = "草稿已生成，请修改后保存"; }
      catch (e) { $("#opinion-status").textContent = e.message; }
      finally { ev.target.disabled = false; }
    });
    $("#save-opinion").addEventListener("click", async () => {
      try { await api("PUT", "/api/review/" + opinion.dataset.id + "/opinion", { text: $("#opinion-text").value }); $("#opinion-status").textContent = "意见已保存"; }
      catch (e) { $("#opinion-status").textContent = e.message; }
    });
  }
  const permit = $("#permit");
  if (permit) $("#permit-draft").addEventListener("click", async () => {
    const out = $("#permit-out");
    try {
      const r = await api("GET", "/api/review/" + permit.dataset.id + "/permit");
      const rows = r.outlets.map((o) => "<tr><td>" + esc(o.id) + "</td><td>" + esc(o.kind) + "</td><td>" +
        o.pollutants.map((p) => esc(p.name) + (p.concentration_mg_per_l != null ? " " + p.concentration_mg_per_l + " mg/L" : "") +
          (p.limit ? "（限值 " + esc(p.limit) + "，" + esc(p.limit_basis) + "）" : "") +
          (p.concentration_mg_per_m3 != null ? " " + p.concentration_mg_per_m3 + " mg/m³" : "")).join("；") + "</td></tr>").join("");
      const totals = r.permitted_t_per_year.map((t) => esc(t.pollutant) + " " + t.amount_t_per_year + " t/a").join("；");
      out.innerHTML = '<table class="grid"><thead><tr><th>排放口</th><th>类型</th><th>污染物与排放浓度</th></tr></thead><tbody>' + rows +
        "</tbody></table><p>许可排放量：" + (totals || "未申报") + "</p><p class=\"muted\">" + esc(r.note) + "</p>";
    } catch (e) { out.textContent = e.message; }
  });
  function esc(s) { return String(s == null ? "" : s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c])); }

  // ---- staff chat: streamed answers -----------------------------------------------------
  const send = $("#chat-send");
  if (send) {
    const log = $("#chat-log"), status = $("#chat-status"), input = $("#chat-question");
    const addMsg = (cls, text) => { const d = document.createElement("div"); d.className = "msg " + cls; d.innerHTML = '<div class="text"></div>'; $(".text", d).textContent = text; log.appendChild(d); d.scrollIntoView({ block: "end" }); return d; };
    async function ask() {
      const q = input.value.trim();
      if (!q) return;
      input.value = ""; send.disabled = true;
      addMsg("user", q);
      const msg = addMsg("assistant", "");
      const text = $(".text", msg);
      status.textContent = "正在检索…";
      try {
        const res = await fetch("/api/chat", { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify({ question: q }) });
        if (!res.ok) { let m = "请求失败"; try { m = (await res.json()).error.message; } catch (_) {} throw new Error(m); }
        const reader = res.body.getReader(); const dec = new TextDecoder(); let buf = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += dec.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const chunk = buf.slice(0, i); buf = buf.slice(i + 2);
            let name = "message", data = "";
            chunk.split("\n").forEach((l) => { if (l.startsWith("event:")) name = l.slice(6).trim(); else if (l.startsWith("data:")) data += l.slice(5).trim(); });
            if (!data) continue;
            const ev = JSON.parse(data);
            if (name === "status") status.textContent = ev.state === "queued" ? "排队中：前面还有 " + ev.ahead + " 个请求…" : "正在作答…";
            else if (name === "text") text.textContent += ev.text;
            else if (name === "done") {
              text.textContent = ev.answer;
              const cites = ev.refused ? ev.closest : ev.citations;
              if (cites && cites.length) {
                const s = document.createElement("div"); s.className = "sources";
                s.innerHTML = "<strong>" + (ev.refused ? "最接近的资料（未能回答）" : "依据") + "</strong>";
                cites.forEach((c, k) => { const d = document.createElement("details"); d.innerHTML = "<summary></summary><p></p>"; $("summary", d).textContent = "[" + (k + 1) + "] 《" + c.doc + "》" + c.clause + (c.repealed ? "【已废止：" + c.repealed + "】" : ""); $("p", d).textContent = c.text; s.appendChild(d); });
                msg.appendChild(s);
              }
              status.textContent = "用时 " + ev.seconds.toFixed(1) + " 秒";
            } else if (name === "error") { text.textContent = ev.message; status.textContent = ""; }
          }
        }
      } catch (e) { text.textContent = e.message; status.textContent = ""; }
      finally { send.disabled = false; }
    }
    send.addEventListener("click", ask);
    input.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) ask(); });
  }

  // ---- admin: add a user ----------------------------------------------------------------
  const addBtn = $("#add-user-btn");
  if (addBtn) addBtn.addEventListener("click", async () => {
    const f = $("#add-user");
    const body = { name: f.name.value, password: f.password.value, role: f.role.value, org: f.org.value || null };
    try { await api("POST", "/api/admin/users", body); window.location.reload(); }
    catch (e) { $("#add-user-status").textContent = e.message; }
  });
  const actionBtn = $("#user-action-btn");
  if (actionBtn) actionBtn.addEventListener("click", async () => {
    const f = $("#user-action");
    const name = f.name.value.trim();
    if (!name) { $("#user-action-status").textContent = "请输入用户名"; return; }
    const body = f.action.value === "reset-password" ? { password: f.password.value } : {};
    try {
      await api("POST", "/api/admin/users/" + encodeURIComponent(name) + "/" + f.action.value, body);
      $("#user-action-status").textContent = "已完成";
      f.password.value = "";
    } catch (e) { $("#user-action-status").textContent = e.message; }
  });
})();
