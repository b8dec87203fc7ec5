//! A local planar projection: WGS-84 degrees ↔ metres east/north of an origin.
//!
//! Equirectangular with the scale of the origin's latitude. Over a city (±60 km) the scale
//! error is below 0.7 % (cos 29.2° vs cos 30.4°), i.e. under 1 m on a 100 m distance, well
//! inside the precision of any zoning layer. All geometry is held and measured in these
//! metres; degrees only at the edges (input, JSON output).

use geo::Coord;

/// Metres per degree of latitude (WGS-84 mean near 30°N).
const M_PER_DEG_LAT: f64 = 110_850.0;
/// Metres per degree of longitude at the equator.
const M_PER_DEG_LON_EQ: f64 = 111_320.0;

/// The projection, fixed per layer set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat0: f64,
    kx: f64,
}

impl Projection {
    /// A projection centred on `(lon0, lat0)`.
    pub fn new(lon0: f64, lat0: f64) -> Self {
        Projection {
            lon0,
            lat0,
            kx: M_PER_DEG_LON_EQ * lat0.to_radians().cos(),
        }
    }

    /// Degrees → metres.
    pub fn forward(&self, lon: f64, lat: f64) -> Coord {
        Coord {
            x: (lon - self.lon0) * self.kx,
            y: (lat - self.lat0) * M_PER_DEG_LAT,
        }
    }

    /// Metres → degrees `(lon, lat)`.
    pub fn inverse(&self, c: Coord) -> (f64, f64) {
        (c.x / self.kx + self.lon0, c.y / M_PER_DEG_LAT + self.lat0)
    }
}

/// The Chinese compass direction (8 points) from `from` to `to`, e.g. 东北.
pub fn direction(from: Coord, to: Coord) -> &'static str {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return "—";
    }
    // Angle clockwise from north, in [0, 360).
    let angle = dx.atan2(dy).to_degrees().rem_euclid(360.0);
    const NAMES: [&str; 8] = ["北", "东北", "东", "东南", "南", "西南", "西", "西北"];
    NAMES[(((angle + 22.5) / 45.0) as usize) % 8]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_scale() {
        let p = Projection::new(120.6, 29.9);
        let c = p.forward(120.65, 30.0);
        let (lon, lat) = p.inverse(c);
        assert!((lon - 120.65).abs() < 1e-12 && (lat - 30.0).abs() < 1e-12);
        // 0.01° of longitude at 29.9°N is about 965 m (haversine 965.6 m).
        let d = p.forward(120.61, 29.9).x;
        assert!((d - 965.4).abs() < 2.0, "{d}");
    }

    #[test]
    fn compass() {
        let o = Coord { x: 0.0, y: 0.0 };
        assert_eq!(direction(o, Coord { x: 0.0, y: 10.0 }), "北");
        assert_eq!(direction(o, Coord { x: 10.0, y: 10.0 }), "东北");
        assert_eq!(direction(o, Coord { x: -10.0, y: -1.0 }), "西");
        assert_eq!(direction(o, Coord { x: 1.0, y: -10.0 }), "南");
    }
}
