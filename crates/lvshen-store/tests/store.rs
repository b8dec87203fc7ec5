//! The store on a real SQLite file and, where a PostgreSQL server is given
//! (`LVSHEN_TEST_POSTGRES_URL=postgres://user@host:port/postgres`, a user that may create
//! databases; `.ci/run` starts one), on a fresh PostgreSQL database per test: every test runs
//! against both engines.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use lvshen_store::{Decision, FilingStatus, Role, Store, StoreError};

/// What keeps a test's database alive: the SQLite directory or the PostgreSQL database name.
enum Guard {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Pg { admin: String, name: String },
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Pg { admin, name } = self
            && let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// A fresh, empty PostgreSQL database, if a server is configured.
fn postgres_url() -> Option<(String, Guard)> {
    let Ok(admin) = std::env::var("LVSHEN_TEST_POSTGRES_URL") else {
        if std::env::var("LVSHEN_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
            panic!("LVSHEN_REQUIRE_POSTGRES=1 but LVSHEN_TEST_POSTGRES_URL is not set");
        }
        eprintln!("skipped on PostgreSQL: LVSHEN_TEST_POSTGRES_URL not set (.ci/run sets it)");
        return None;
    };
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "lvshen_t_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let url = match admin.rfind('/') {
        Some(i) if admin[..i].contains("://") && i > admin.find("://").unwrap() + 2 => {
            let (base, rest) = admin.split_at(i);
            let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
            format!("{base}/{name}{query}")
        }
        _ => format!("{admin}/{name}"),
    };
    Some((url, Guard::Pg { admin, name }))
}

/// The engines every test runs on: SQLite always, PostgreSQL when configured.
fn stores() -> Vec<(&'static str, Guard, Store)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(&dir.path().join("lvshen.db")).unwrap();
    let mut out = vec![("sqlite", Guard::Dir(dir), sqlite)];
    if let Some((url, guard)) = postgres_url() {
        out.push(("postgres", guard, Store::connect_postgres(&url).unwrap()));
    }
    out
}

#[test]
fn users_passwords_and_sessions() {
    for (engine, _guard, s) in stores() {
        eprintln!("engine: {engine}");
        let a = s
            .add_user(
                "zhang",
                "correct horse",
                Role::Applicant,
                Some("绍兴甲印染有限公司"),
            )
            .unwrap();
        assert!(matches!(
            s.add_user("zhang", "another pass", Role::Staff, None),
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(
            s.add_user("li", "short", Role::Staff, None),
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            s.add_user("wang", "long enough", Role::Applicant, None),
            Err(StoreError::Invalid(_))
        ));
        assert!(
            s.verify_password("zhang", "wrong password")
                .unwrap()
                .is_none()
        );
        assert!(
            s.verify_password("nobody", "correct horse")
                .unwrap()
                .is_none()
        );
        let u = s
            .verify_password("zhang", "correct horse")
            .unwrap()
            .unwrap();
        assert_eq!(u.id, a.id);
        assert_eq!(u.org.as_deref(), Some("绍兴甲印染有限公司"));
        let (token, csrf) = s.create_session(&u).unwrap();
        let (again, csrf2) = s.session(&token).unwrap().unwrap();
        assert_eq!((again.id, csrf2), (u.id, csrf));
        assert!(s.session("forged").unwrap().is_none());
        s.delete_session(&token).unwrap();
        assert!(s.session(&token).unwrap().is_none());
        // A failed attempt counts for its name from any address and for its address for any name.
        let one = lvshen_store::LoginLimits {
            minutes: 15,
            pair: 5,
            name: 1,
            addr: 1,
        };
        assert!(matches!(
            s.reserve_login("zhang", "127.0.0.1", one).unwrap(),
            lvshen_store::LoginGate::Open(_)
        ));
        assert_eq!(
            s.reserve_login("zhang", "10.0.0.1", one).unwrap(),
            lvshen_store::LoginGate::Throttled(lvshen_store::Throttle::Name)
        );
        assert_eq!(
            s.reserve_login("x", "127.0.0.1", one).unwrap(),
            lvshen_store::LoginGate::Throttled(lvshen_store::Throttle::Address)
        );
    }
}

#[test]
fn filings_versions_reports_submission_and_decisions() {
    for (engine, _guard, s) in stores() {
        eprintln!("engine: {engine}");
        let a = s
            .add_user("a", "password-a", Role::Applicant, Some("甲公司"))
            .unwrap();
        let r = s.add_user("r", "password-r", Role::Reviewer, None).unwrap();
        let id = s
            .create_filing(&a, "项目一", "柯桥区", "{\"v\":1}")
            .unwrap();
        assert_eq!(
            s.save_version(&a, id, "项目一（改）", "柯桥区", "{\"v\":2}")
                .unwrap(),
            2
        );
        s.save_report(id, 2, "{}", 1, 3).unwrap();
        let row = s.filing(id).unwrap().unwrap();
        assert_eq!((row.version, row.errors, row.warnings), (2, 1, 3));
        assert_eq!(row.title, "项目一（改）");
        assert_eq!(s.latest_version(id).unwrap().unwrap().body, "{\"v\":2}");
        assert!(s.submitted_filings().unwrap().is_empty());
        // Submission is pinned to the checked version (red-team problem 6).
        let err = s.submit(&a, id, 1).unwrap_err().to_string();
        assert!(err.contains("第 2 版"), "{err}");
        s.submit(&a, id, 2).unwrap();
        assert!(
            s.save_version(&a, id, "x", "x", "{}").is_err(),
            "submitted filings are frozen"
        );
        assert_eq!(
            s.submitted_filings().unwrap()[0].status,
            FilingStatus::Submitted
        );
        assert_eq!(s.filings_of_org("甲公司").unwrap().len(), 1);
        assert!(s.filings_of_org("乙公司").unwrap().is_empty());
        let mut d = Decision {
            filing_id: id,
            version: 2,
            finding_key: "water.limit.indirect|water.pollutants[0]".into(),
            rule_id: "water.limit.indirect".into(),
            accepted: true,
            comment: "属实".into(),
            reviewer: String::new(),
            created_at: String::new(),
        };
        s.decide(&r, &d).unwrap();
        d.accepted = false;
        s.decide(&r, &d).unwrap();
        let ds = s.decisions(id, 2).unwrap();
        assert_eq!(ds.len(), 1, "the later decision replaces the earlier");
        assert!(!ds[0].accepted);
        let stats = s.rule_stats().unwrap();
        assert_eq!((stats[0].accepted, stats[0].dismissed), (0, 1));
        s.save_opinion(&r, id, "同意", "facts").unwrap();
        assert_eq!(s.opinion(id).unwrap().unwrap().0, "同意");
        // Both decisions are in the audit log.
        let log = s.audit_log(100).unwrap();
        assert!(log.iter().any(|e| e.action == "finding.accept"));
        assert!(log.iter().any(|e| e.action == "finding.dismiss"));
    }
}

#[test]
fn the_audit_log_is_append_only_and_data_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lvshen.db");
    {
        let s = Store::open(&path).unwrap();
        s.add_user("admin", "password-x", Role::Admin, None)
            .unwrap();
        s.audit(None, "test", "x", "").unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), 4);
    assert_eq!(s.users().unwrap().len(), 1);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute("UPDATE audit_log SET action = 'x'", [])
            .is_err()
    );
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn conversations_keep_messages_in_order() {
    for (engine, _guard, s) in stores() {
        eprintln!("engine: {engine}");
        let u = s
            .add_user("staff", "password-s", Role::Staff, None)
            .unwrap();
        let c = s.conversation(&u).unwrap();
        assert_eq!(s.conversation(&u).unwrap(), c);
        s.add_message(c, "user", "问题", "[]").unwrap();
        s.add_message(c, "assistant", "回答", "[{\"doc\":\"x\"}]")
            .unwrap();
        let m = s.messages(c).unwrap();
        assert_eq!(
            m.iter().map(|m| m.role.as_str()).collect::<Vec<_>>(),
            ["user", "assistant"]
        );
    }
}

#[test]
fn concurrent_saves_never_lose_a_version() {
    for (engine, _guard, s) in stores() {
        let a = s
            .add_user("a", "password-a", Role::Applicant, Some("甲公司"))
            .unwrap();
        let id = s.create_filing(&a, "项目", "柯桥区", "{\"v\":1}").unwrap();
        // Two editors both start from version 1: the first save wins, the second is told.
        assert_eq!(
            s.save_version_on(&a, id, Some(1), "项目", "柯桥区", "{\"by\":1}")
                .unwrap(),
            2
        );
        let err = s
            .save_version_on(&a, id, Some(1), "项目", "柯桥区", "{\"by\":2}")
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{engine}: {err}");
        assert!(err.to_string().contains("第 2 版"), "{engine}: {err}");
        // Many threads saving at once: every acknowledged save is a distinct, stored version.
        let s = std::sync::Arc::new(s);
        let acknowledged: Vec<i64> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|t| {
                    let s = s.clone();
                    let a = a.clone();
                    scope.spawn(move || {
                        (0..5)
                            .filter_map(|i| {
                                s.save_version(
                                    &a,
                                    id,
                                    "项目",
                                    "柯桥区",
                                    &format!("{{\"t\":{t},\"i\":{i}}}"),
                                )
                                .ok()
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let mut sorted = acknowledged.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            acknowledged.len(),
            "{engine}: a version number given twice"
        );
        assert_eq!(
            s.version_count(id).unwrap(),
            2 + acknowledged.len() as i64,
            "{engine}: every acknowledged save is stored"
        );
    }
}

#[test]
fn a_database_copies_between_engines_without_loss() {
    let (_dir, source) = {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("src.db")).unwrap();
        (dir, s)
    };
    let a = source
        .add_user("a", "password-a", Role::Applicant, Some("甲公司"))
        .unwrap();
    let r = source
        .add_user("r", "password-r", Role::Reviewer, None)
        .unwrap();
    for n in 0..3 {
        let id = source
            .create_filing(&a, &format!("项目{n}"), "柯桥区", "{\"v\":1}")
            .unwrap();
        source
            .save_version(&a, id, "x", "柯桥区", "{\"v\":2}")
            .unwrap();
        source.save_report(id, 2, "{}", 0, 1).unwrap();
        source.submit(&a, id, 2).unwrap();
        source
            .decide(
                &r,
                &Decision {
                    filing_id: id,
                    version: 2,
                    finding_key: "k|f".into(),
                    rule_id: "k".into(),
                    accepted: true,
                    comment: "属实".into(),
                    reviewer: String::new(),
                    created_at: String::new(),
                },
            )
            .unwrap();
    }
    source.create_session(&a).unwrap();
    let c = source.conversation(&r).unwrap();
    source.add_message(c, "user", "问题", "[]").unwrap();
    for (engine, _guard, target) in stores() {
        let report = source.copy_into(&target, |_, _| {}).unwrap();
        for t in &report {
            assert!(t.matches(), "{engine}: {t:?}");
        }
        assert!(
            report
                .iter()
                .any(|t| t.table == "filing_versions" && t.target_rows == 6)
        );
        // The copy works as a store: ids continue, logins work.
        assert!(target.verify_password("a", "password-a").unwrap().is_some());
        let a2 = target.verify_password("a", "password-a").unwrap().unwrap();
        let next = target.create_filing(&a2, "新项目", "柯桥区", "{}").unwrap();
        assert_eq!(next, 4, "{engine}: ids continue after the copied ones");
        // A second copy into a non-empty database is refused.
        let err = source
            .copy_into(&target, |_, _| {})
            .unwrap_err()
            .to_string();
        assert!(err.contains("不是空的"), "{err}");
    }
}

#[test]
fn uploaded_documents_keep_their_bytes_report_and_library_entry() {
    for (engine, _guard, s) in stores() {
        let a = s
            .add_user("a", "password-a", Role::Applicant, Some("甲公司"))
            .unwrap();
        let one = s.create_filing(&a, "项目一", "柯桥区", "{}").unwrap();
        let two = s.create_filing(&a, "项目二", "柯桥区", "{}").unwrap();
        s.save_version(&a, one, "项目一", "柯桥区", "{\"v\":2}")
            .unwrap();
        let bytes = [0u8, 1, 2, 255, 7];
        let d1 = s
            .add_filing_document(
                &a,
                one,
                "报告表.docx",
                "docx",
                &bytes,
                "{\"n\":1}",
                "[]",
                "{\"id\":\"1\"}",
            )
            .unwrap();
        let d2 = s
            .add_filing_document(
                &a,
                one,
                "报告表v2.docx",
                "docx",
                &bytes,
                "{\"n\":2}",
                "[]",
                "{\"id\":\"2\"}",
            )
            .unwrap();
        s.add_filing_document(
            &a,
            two,
            "其他.pdf",
            "pdf",
            b"%PDF",
            "{}",
            "[]",
            "{\"id\":\"3\"}",
        )
        .unwrap();
        let list = s.filing_documents(one).unwrap();
        assert_eq!(
            list.iter().map(|d| d.id).collect::<Vec<_>>(),
            vec![d2, d1],
            "{engine}"
        );
        assert_eq!(
            list[0].version, 2,
            "{engine}: uploaded against the latest version"
        );
        assert_eq!(list[0].uploader, "a");
        let (doc, blocks, got) = s.filing_document(one, d1).unwrap().unwrap();
        assert_eq!(
            (doc.name.as_str(), blocks.as_str(), got.as_slice()),
            ("报告表.docx", "[]", &bytes[..])
        );
        assert!(
            s.filing_document(two, d1).unwrap().is_none(),
            "{engine}: another filing's id"
        );
        // The library: the latest document of every other filing.
        assert_eq!(
            s.library_entries(two).unwrap(),
            vec!["{\"id\":\"2\"}"],
            "{engine}"
        );
        assert_eq!(
            s.library_entries(one).unwrap(),
            vec!["{\"id\":\"3\"}"],
            "{engine}"
        );
    }
}

#[test]
fn shared_documents_round_trip() {
    for (engine, _guard, s) in stores() {
        let bytes = "第一条 共享文档。".as_bytes();
        assert!(s.put_document("shared/a.md", bytes).unwrap(), "{engine}");
        assert!(
            !s.put_document("shared/a.md", bytes).unwrap(),
            "{engine}: unchanged"
        );
        assert!(
            s.put_document("shared/a.md", b"v2").unwrap(),
            "{engine}: changed"
        );
        let docs = s.documents().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].0, "shared/a.md");
        assert_eq!(s.document("shared/a.md").unwrap().unwrap(), b"v2");
        assert!(s.document("shared/none.md").unwrap().is_none());
    }
}

#[test]
fn a_burst_of_callers_beyond_the_pool_waits_rather_than_fails() {
    // PostgreSQL: at most 32 connections per instance; 64 threads at once must all be served.
    for (engine, _guard, s) in stores() {
        s.add_user("admin", "password-x", Role::Admin, None)
            .unwrap();
        let s = std::sync::Arc::new(s);
        let served: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..64)
                .map(|_| {
                    let s = s.clone();
                    scope.spawn(move || (0..3).filter(|_| s.users().is_ok()).count())
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        assert_eq!(served, 64 * 3, "{engine}");
    }
}
