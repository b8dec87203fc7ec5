//! Siting analysis (智能化选址论证): where a dyeing project is, against the zoning layers.
//!
//! Layers (environmental control units, parks, red lines, water-source zones, the 曹娥江
//! key protection zone, receptors) are GeoJSON in WGS-84, held in planar metres with an
//! R-tree each. A site gets a verdict — compatible / conditional / incompatible — with every
//! reason cited, the distances it rests on, and, when it fails, the nearest sites that would
//! not. The same reasons become findings of `lvshen check` through the engine's
//! `FindingSource` seam. Prose (the siting argument) is not written here: the agent drafts it
//! from [`Analysis::facts`], and numbers and place names in it are checked against them.

mod error;
mod layers;
mod project;

pub use error::SitingError;
pub use layers::{
    Access, District, Dyeing, Item, Layer, LayerInfo, LayerKind, Layers, Park, Protected,
    ProtectedKind, Receptor, ReceptorKind, RiverZone, Spatial, Unit, UnitKind, WaterLevel,
    WaterSource, boundary_distance, normalize_name,
};
pub use project::{Projection, direction};

mod analysis;
mod findings;

pub use analysis::{
    Alternative, Analysis, DeclaredPark, DistanceEntry, LayerHit, Options, REASON_IDS, Reason,
    ReceptorKindDeclared, Site, SiteFacts, Status, Verdict, analyze, fmt_distance,
};
pub use findings::{SpatialFindings, to_findings};

mod map;

pub use map::{MapOptions, render_svg};
