//! Errors of the siting layer, in Chinese for the user, naming the file and the feature.

/// What went wrong loading layers or analysing a site.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SitingError {
    /// A layer file that is not GeoJSON, or not a FeatureCollection.
    #[error("图层文件 {file} 无法解析：{message}")]
    Syntax { file: String, message: String },
    /// A feature whose geometry or attributes are wrong.
    #[error("图层文件 {file} 第 {index} 个要素（{name}）：{message}")]
    Feature {
        file: String,
        index: usize,
        name: String,
        message: String,
    },
    /// A file name that is not one of the layer kinds.
    #[error("图层文件 {file} 的名称不是已知图层（应为 {expected} 之一，扩展名 .geojson 或 .json）")]
    UnknownLayer { file: String, expected: String },
    /// Coordinates that cannot be a site.
    #[error("坐标有误：{0}")]
    Site(String),
}
