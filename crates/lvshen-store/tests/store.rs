//! The store on a real SQLite file.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use lvshen_store::{Decision, FilingStatus, Role, Store, StoreError};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("lvshen.db")).unwrap();
    (dir, store)
}

#[test]
fn users_passwords_and_sessions() {
    let (_d, s) = store();
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

#[test]
fn filings_versions_reports_submission_and_decisions() {
    let (_d, s) = store();
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
    assert_eq!(s.schema_version().unwrap(), 2);
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
    let (_d, s) = store();
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
