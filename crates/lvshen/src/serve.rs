//! `lvshen serve` (the web application) and `lvshen user` (accounts).

use std::io::BufRead;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use lvshen_server::{AppState, LazyLlm};
use lvshen_siting::Layers;
use lvshen_store::{Role, Store};

use crate::StandardsArgs;
use crate::kb::DataDirArgs;
use crate::llm::ModelArgs;
use crate::siting::{LayersHandle, ZoningArgs};

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// 监听地址
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// 数据库：SQLite 文件路径或 postgres://… 地址；默认 lvshen.toml 的 [store] url，否则 数据目录/lvshen.db
    #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
    db: Option<String>,
    /// 不用模型：问答只给原文摘录
    #[arg(long)]
    no_model: bool,
    /// 会话 Cookie 加 Secure（经 HTTPS 反向代理提供服务时）
    #[arg(long)]
    secure_cookies: bool,
    #[command(flatten)]
    zoning: ZoningArgs,
    #[command(flatten)]
    standards: StandardsArgs,
    #[command(flatten)]
    model: ModelArgs,
}

impl AsRef<Layers> for LayersHandle {
    fn as_ref(&self) -> &Layers {
        self
    }
}

pub(crate) fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let data_dir = args.model.data_dir();
    let location = crate::config::store_location(args.db.as_deref(), &data_dir)?;
    let store = crate::config::open_store_at(&location)?;
    let users = store.users().map_err(|e| anyhow::anyhow!("{e}"))?;
    if users.is_empty() {
        eprintln!(
            "提示：数据库中还没有用户。先用 lvshen user add 名称 --role admin|applicant|reviewer|staff 添加（申报单位加 --org）。"
        );
    }
    let standards = args.standards.load()?;
    let siting = lvshen_siting::Options::from_screening(&standards.screening);
    let layers = args.zoning.load()?;
    eprintln!("正在准备知识库索引（首次使用时建立，约需数十秒）…");
    let mut index = crate::kb::open_index(&data_dir)?;
    crate::kb::ensure_builtin(&mut index)?;
    // Documents added on any instance with `lvshen ingest --shared` are indexed here too.
    let shared = crate::kb::sync_shared(&store, &mut index, &data_dir)?;
    if shared > 0 {
        eprintln!("已索引共享数据库中的 {shared} 个文档");
    }
    let llm = if args.no_model {
        LazyLlm::none()
    } else {
        let model = args.model.clone();
        LazyLlm::new(move || crate::llm::open_service(&model).map_err(|e| format!("{e:#}")))
    };
    let state = AppState {
        store: Arc::new(store),
        engine: Arc::new(lvshen_rules::Engine::new(standards)),
        layers: Arc::new(layers),
        siting,
        index: Arc::new(index),
        llm: Arc::new(llm),
        secure_cookies: args.secure_cookies,
        intake: Arc::new(lvshen_server::documents::IntakeConfig {
            worker: Some(crate::intake::worker_config(
                std::time::Duration::from_secs(120),
            )?),
            knowledge: crate::intake::knowledge(),
            ..Default::default()
        }),
    };
    spawn_shared_sync(state.store.clone(), state.index.clone(), data_dir.clone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("无法启动异步运行时")?;
    eprintln!(
        "绿审已启动：http://{}/ （数据库 {}；Ctrl-C 停止）",
        args.addr,
        state.store.describe()
    );
    runtime
        .block_on(lvshen_server::serve(args.addr, state))
        .with_context(|| format!("无法在 {} 上提供服务", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum UserCommand {
    /// 添加用户；密码从标准输入读取一行（或交互输入）
    Add {
        /// 用户名
        name: String,
        /// 角色：applicant（申报单位）/ reviewer（审查人员）/ staff（工作人员）/ admin（管理员）
        #[arg(long)]
        role: String,
        /// 所属单位（申报单位必填）
        #[arg(long)]
        org: Option<String>,
        /// 数据库：SQLite 文件或 postgres://… 地址；默认 lvshen.toml 的 [store] url，否则 数据目录/lvshen.db
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 列出用户
    List {
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 停用账号（立即结束其所有会话）
    Disable {
        /// 用户名
        name: String,
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 重新启用账号
    Enable {
        /// 用户名
        name: String,
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 重设密码（从标准输入读一行；结束该用户所有会话）
    Passwd {
        /// 用户名
        name: String,
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 结束该用户的所有会话（强制重新登录）
    Logout {
        /// 用户名
        name: String,
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 解除账号的登录锁定（清除该用户名的登录失败记录）
    Unlock {
        /// 用户名
        name: String,
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
}

fn open_store(db: Option<String>, data: DataDirArgs) -> anyhow::Result<Store> {
    crate::config::open_store_at(&crate::config::store_location(
        db.as_deref(),
        &data.resolve(),
    )?)
}

pub(crate) fn user(command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::Add {
            name,
            role,
            org,
            db,
            data,
        } => {
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!("角色“{role}”无法识别，应为 applicant / reviewer / staff / admin")
            })?;
            let store = open_store(db, data)?;
            eprintln!("请输入 {name} 的密码（至少 8 个字符）：");
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("无法读取密码")?;
            let password = password.trim_end_matches(['\r', '\n']);
            let user = store
                .add_user(&name, password, role, org.as_deref())
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "已添加用户 {}（{}{}）",
                user.name,
                user.role.label_zh(),
                user.org
                    .as_deref()
                    .map(|o| format!("，{o}"))
                    .unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Disable { name, db, data } => {
            let store = open_store(db, data)?;
            store
                .set_disabled(None, &name, true)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("已停用 {name}，其会话已全部结束");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Enable { name, db, data } => {
            let store = open_store(db, data)?;
            store
                .set_disabled(None, &name, false)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("已重新启用 {name}");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Passwd { name, db, data } => {
            let store = open_store(db, data)?;
            eprintln!(
                "请输入 {name} 的新密码（8～128 个字符，至少包含字母、数字、符号中的两类）："
            );
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("无法读取密码")?;
            store
                .set_password(None, &name, password.trim_end_matches(['\r', '\n']))
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("已重设 {name} 的密码，其会话已全部结束");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Logout { name, db, data } => {
            let store = open_store(db, data)?;
            let n = store
                .end_sessions(None, &name)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("已结束 {name} 的 {n} 个会话");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Unlock { name, db, data } => {
            let store = open_store(db, data)?;
            let cleared = store
                .clear_login_failures(&name)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("已解除 {name} 的登录锁定（清除 {cleared} 条失败记录）");
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::List { db, data } => {
            let store = open_store(db, data)?;
            for u in store.users().map_err(|e| anyhow::anyhow!("{e}"))? {
                println!(
                    "{}\t{}\t{}",
                    u.name,
                    u.role.code(),
                    u.org.unwrap_or_default()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum StoreCommand {
    /// 建立或升级数据库结构（PostgreSQL 首次部署、升级后），并显示版本
    Migrate {
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 每张表的行数与校验和
    Summary {
        #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
        db: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
    /// 把全部数据复制到另一个（新建的空）数据库，例如 SQLite → PostgreSQL，并逐表核对行数与校验和。
    /// 退出码：0 全部一致；1 有表不一致；2 无法复制
    Copy {
        /// 源：sqlite:路径 或 postgres://…
        #[arg(long, value_name = "FILE|URL")]
        from: String,
        /// 目标（须为空库）：postgres://… 或 sqlite:路径
        #[arg(long, value_name = "FILE|URL")]
        to: String,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
}

pub(crate) fn store(command: StoreCommand) -> anyhow::Result<ExitCode> {
    match command {
        StoreCommand::Migrate { db, data } => {
            let store = open_store(db, data)?;
            let version = store.schema_version().map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("数据库 {} 已是第 {version} 版结构", store.describe());
            Ok(ExitCode::SUCCESS)
        }
        StoreCommand::Summary { db, data, out } => {
            let store = open_store(db, data)?;
            let summary = store.summary().map_err(|e| anyhow::anyhow!("{e}"))?;
            if out.json() {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                println!("{}", store.describe());
                println!("{:<18} {:>10}  校验和", "表", "行数");
                for t in &summary {
                    println!("{:<18} {:>10}  {}", t.table, t.rows, t.checksum);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        StoreCommand::Copy { from, to, out } => {
            let source = crate::config::open_store_at(&from)?;
            let target = crate::config::open_store_at(&to)?;
            eprintln!("正在复制 {} → {}", source.describe(), target.describe());
            let started = std::time::Instant::now();
            let report = source
                .copy_into(&target, |table, rows| {
                    if rows % 5000 == 0 {
                        eprintln!("  {table}：已复制 {rows} 行");
                    }
                })
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let all = report.iter().all(lvshen_store::TableCopy::matches);
            if out.json() {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "from": source.describe(),
                        "to": target.describe(),
                        "seconds": started.elapsed().as_secs_f64(),
                        "all_match": all,
                        "tables": report,
                    }))?
                );
            } else {
                println!(
                    "{:<18} {:>10} {:>10}  {:<16}  {:<16}  一致",
                    "表", "源行数", "目标行数", "源校验和", "目标校验和"
                );
                for t in &report {
                    println!(
                        "{:<18} {:>10} {:>10}  {:<16}  {:<16}  {}",
                        t.table,
                        t.source_rows,
                        t.target_rows,
                        t.source_checksum,
                        t.target_checksum,
                        if t.matches() { "是" } else { "否" }
                    );
                }
                println!(
                    "{}（{:.1} 秒）",
                    if all {
                        "全部表的行数与校验和一致"
                    } else {
                        "有表不一致，请勿切换到目标数据库"
                    },
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(if all {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// Seconds between looks at the shared documents (`LVSHEN_SHARED_SYNC_SECONDS`, default 60).
fn shared_sync_interval() -> std::time::Duration {
    let seconds = std::env::var("LVSHEN_SHARED_SYNC_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(60);
    std::time::Duration::from_secs(seconds)
}

/// While serving, documents another instance adds with `lvshen ingest --shared` are indexed
/// here too: a background thread looks at the store every interval, indexes what this
/// instance lacks through a second handle on the same index directory, and reloads the
/// serving handle. A plain thread: the store and the PDF workers block.
fn spawn_shared_sync(
    store: Arc<Store>,
    index: Arc<lvshen_search::SearchIndex>,
    data_dir: std::path::PathBuf,
) {
    let interval = shared_sync_interval();
    let spawned = std::thread::Builder::new()
        .name("lvshen-shared-sync".into())
        .spawn(move || {
            loop {
                std::thread::sleep(interval);
                let synced = crate::kb::open_index(&data_dir)
                    .and_then(|mut writer| crate::kb::sync_shared(&store, &mut writer, &data_dir));
                match synced {
                    Ok(0) => {}
                    Ok(n) => match index.reload() {
                        Ok(()) => tracing::info!(documents = n, "shared documents indexed"),
                        Err(e) => tracing::warn!(error = %e, "index reload failed"),
                    },
                    Err(e) => {
                        tracing::warn!(error = %format!("{e:#}"), "shared document sync failed")
                    }
                }
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "shared document sync not started");
    }
}
