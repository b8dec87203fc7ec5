//! `lvshen.toml`: deployment settings. Looked up in this order: `--config FILE` /
//! `LVSHEN_CONFIG`, `./lvshen.toml`, `<data dir>/lvshen.toml`; none is fine (defaults).
//! `lvshen.toml.example` at the repository root documents every key.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use lvshen_llm::LlmConfig;

/// The whole file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Settings {
    /// `[llm]`: which backend generates prose.
    #[serde(default)]
    pub(crate) llm: LlmConfig,
    /// `[store]`: where the web application's data live.
    #[serde(default)]
    pub(crate) store: StoreConfig,
}

/// `[store]`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoreConfig {
    /// `postgres://user:password@host:5432/lvshen` (several instances on one database) or
    /// `sqlite:PATH`; default: the SQLite file `<data dir>/lvshen.db`.
    pub(crate) url: Option<String>,
}

/// Where the store is: `--db` (a file or URL), else `[store] url` of `lvshen.toml`, else the
/// SQLite file in the data directory.
pub(crate) fn store_location(db: Option<&str>, data_dir: &Path) -> anyhow::Result<String> {
    if let Some(db) = db {
        return Ok(db.to_owned());
    }
    let explicit = std::env::var_os("LVSHEN_CONFIG").map(PathBuf::from);
    let (settings, _) = load(explicit.as_deref(), data_dir)?;
    Ok(settings
        .store
        .url
        .unwrap_or_else(|| data_dir.join("lvshen.db").display().to_string()))
}

/// Opens the store at a location (`store_location`), migrating it.
pub(crate) fn open_store_at(location: &str) -> anyhow::Result<lvshen_store::Store> {
    lvshen_store::Store::open_url(location).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Reads the settings; returns them with the file they came from.
pub(crate) fn load(
    explicit: Option<&Path>,
    data_dir: &Path,
) -> anyhow::Result<(Settings, Option<PathBuf>)> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(path) => vec![path.to_path_buf()],
        None => vec![PathBuf::from("lvshen.toml"), data_dir.join("lvshen.toml")],
    };
    for path in candidates {
        if !path.is_file() {
            if explicit.is_some() {
                anyhow::bail!("配置文件不存在：{}", path.display());
            }
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("无法读取配置文件 {}", path.display()))?;
        let settings: Settings = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("配置文件 {} 有误：{e}", path.display()))?;
        return Ok((settings, Some(path)));
    }
    Ok((Settings::default(), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_parses() {
        let text = include_str!("../../../lvshen.toml.example");
        let settings: Settings = toml::from_str(text).unwrap();
        assert_eq!(settings.llm.backend, lvshen_llm::BackendKind::Local);
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = toml::from_str::<Settings>("[llm]\nbackend = \"local\"\nqeue = 3\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("qeue"), "{err}");
        let err = toml::from_str::<Settings>("[llm]\nbackend = \"cloud\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("cloud"), "{err}");
    }
}
