//! The SCREEN3 area-source path (rectangular area, flat terrain): the ISC numerical integration
//! over the area's upwind sides (`AREAIN`, `PSIDE`, `PSIDE2`, `QROMB`, `TRAPZD`, `POLINT`,
//! `PLUMEF`, `PWIDTH`, `ZBRENT`), the search over wind directions from SCREEN3's tables
//! (`FINDMX`), one 10-m wind speed of 1 m/s per class, and the distance search (`AUTOX` +
//! `TPMXA`). Used for fugitive (无组织) emissions of a 定型车间 or a wastewater plant.

use serde::Serialize;

use crate::area_tables as tables;
use crate::point::{AUTOMATED_DISTANCES, DTORAD, SRT2PI, vert};
use crate::sigma::{sigma_y, sigma_z, sz_coef_a};
use crate::{Error, Fluxes, Meteorology, Sample, Screening, Setting};

const P_RURAL: [f64; 6] = [0.07, 0.07, 0.10, 0.15, 0.35, 0.55];
const P_URBAN: [f64; 6] = [0.15, 0.15, 0.20, 0.25, 0.30, 0.30];
/// Romberg integration: order of the extrapolating polynomial, halvings, tolerances (`MAIN.INC`).
const K1: usize = 5;
const JMAX1: usize = 10;
const ITMAX: usize = 100;
const EPS: f64 = 1.0e-4;
const EPS2: f64 = 1.0e-10;

/// Cumulative normal distribution at (i − 40)/10 standard deviations, i = 1 … 79 (`PWIDTH`).
const GA: [f64; 79] = [
    0.0, 0.0001, 0.0001, 0.0002, 0.0002, 0.0003, 0.0005, 0.0007, 0.0010, 0.0013, 0.0019, 0.0026,
    0.0035, 0.0047, 0.0062, 0.0082, 0.0107, 0.0139, 0.0179, 0.0227, 0.0287, 0.0359, 0.0446, 0.0548,
    0.0668, 0.0808, 0.0968, 0.1151, 0.1357, 0.1587, 0.1841, 0.2119, 0.2420, 0.2742, 0.3085, 0.3445,
    0.3821, 0.4207, 0.4602, 0.5000, 0.5398, 0.5793, 0.6179, 0.6555, 0.6915, 0.7258, 0.7580, 0.7881,
    0.8159, 0.8413, 0.8643, 0.8849, 0.9032, 0.9192, 0.9332, 0.9452, 0.9554, 0.9641, 0.9713, 0.9773,
    0.9821, 0.9861, 0.9893, 0.9918, 0.9938, 0.9953, 0.9965, 0.9974, 0.9981, 0.9987, 0.9990, 0.9993,
    0.9995, 0.9997, 0.9998, 0.9998, 0.9999, 0.9999, 1.000,
];

/// A rectangular area source (a workshop roof line, a tank field), as SCREEN3 takes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AreaSource {
    /// Total emission rate over the area, g/s.
    pub emission_g_per_s: f64,
    /// Release height above ground, m.
    pub release_height_m: f64,
    /// Longer side, m.
    pub length_m: f64,
    /// Shorter side, m (SCREEN3 accepts aspect ratios up to 10).
    pub width_m: f64,
    /// Receptor (flagpole) height above ground, m.
    pub receptor_height_m: f64,
    pub setting: Setting,
}

impl AreaSource {
    fn validate(&self) -> Result<(f64, f64), Error> {
        let checks = [
            ("emission_g_per_s", self.emission_g_per_s, true),
            ("release_height_m", self.release_height_m, false),
            ("length_m", self.length_m, true),
            ("width_m", self.width_m, true),
            ("receptor_height_m", self.receptor_height_m, false),
        ];
        for (field, value, strictly_positive) in checks {
            if !value.is_finite() || value < 0.0 || (strictly_positive && value == 0.0) {
                return Err(Error::InvalidInput {
                    field,
                    value,
                    reason: if strictly_positive {
                        "须为正数"
                    } else {
                        "须为非负数"
                    },
                });
            }
        }
        let (long, short) = if self.length_m >= self.width_m {
            (self.length_m, self.width_m)
        } else {
            (self.width_m, self.length_m)
        };
        if long / short > 10.0 {
            return Err(Error::InvalidInput {
                field: "length_m",
                value: long / short,
                reason: "长宽比超过 10，SCREEN3 面源须拆分为多个面源",
            });
        }
        Ok((long, short))
    }

    /// The maximum over meteorology and wind direction at each of `distances_m`.
    pub fn at_distances(&self, distances_m: &[f64]) -> Result<Vec<Sample>, Error> {
        let mut run = AreaRun::new(self)?;
        // Discrete distances: no class skipping (`DISC`).
        run.discrete = true;
        Ok(distances_m.iter().map(|&x| run.userx(x.max(1.0))).collect())
    }

    /// SCREEN3's automated distances from `min_m` to `max_m` and the search for the maximum.
    pub fn automated(&self, min_m: f64, max_m: f64) -> Result<Screening, Error> {
        let mut run = AreaRun::new(self)?;
        if !(min_m.is_finite() && max_m.is_finite()) || max_m < min_m {
            return Err(Error::InvalidInput {
                field: "distance_range",
                value: max_m,
                reason: "最大距离须不小于最小距离",
            });
        }
        let xmin = min_m.max(1.0);
        run.kstsav = 0;
        let mut table = Vec::new();
        let mut best: Option<Sample> = None;
        for (ix, &xauto) in AUTOMATED_DISTANCES.iter().enumerate() {
            let x = if ix == 0 {
                xauto.max(xmin)
            } else if xauto > xmin && xauto <= max_m {
                xauto
            } else {
                continue;
            };
            let s = run.userx(x);
            if s.concentration_ug_per_m3 > best.map_or(0.0, |b| b.concentration_ug_per_m3) {
                best = Some(s);
            }
            table.push(s);
        }
        let maximum = match best {
            None => run.zero(1.0),
            Some(table_max) => {
                let peak = run.tpmxa(table_max, xmin);
                if table_max.concentration_ug_per_m3 >= peak.concentration_ug_per_m3 {
                    table_max
                } else {
                    peak
                }
            }
        };
        Ok(Screening {
            fluxes: Fluxes {
                buoyancy: 0.0,
                momentum: 0.0,
            },
            table,
            maximum,
        })
    }
}

/// The state SCREEN3 keeps in common blocks during an area-source run.
struct AreaRun {
    q_per_m2: f64,
    hs: f64,
    zr: f64,
    xinit: f64,
    yinit: f64,
    aspect: f64,
    setting: Setting,
    classes: Vec<u8>,
    discrete: bool,
    /// The class of the previous distance's maximum; classes below it are skipped when the
    /// search moves outward (`KSTSAV`, with the sign of `DX`).
    kstsav: u8,
    dx: f64,
    wdsin: f64,
    wdcos: f64,
    // Per meteorology:
    kst: u8,
    stable: bool,
    us: f64,
    zi: f64,
    sy: f64,
    sz: f64,
    // Per receptor and direction:
    spa: [[f64; 2]; 5],
    uvert: Vec<f64>,
    vvert: Vec<f64>,
    vnvert: Vec<f64>,
    ivert: usize,
    lseg: bool,
    uasegs: Vec<f64>,
    ubsegs: Vec<f64>,
    // TRAPZD's saved values.
    trap_sval: f64,
    trap_neval: usize,
}

impl AreaRun {
    fn new(src: &AreaSource) -> Result<AreaRun, Error> {
        let (long, short) = src.validate()?;
        let q_per_m2 = src.emission_g_per_s / (long * short);
        // CHOICE: near-ground area sources use only the stable classes.
        let classes = if src.release_height_m <= 2.0 {
            match src.setting {
                Setting::Rural => vec![5, 6],
                Setting::Urban => vec![6],
            }
        } else {
            (1..=6).collect()
        };
        let wd = 270.0 * DTORAD;
        Ok(AreaRun {
            q_per_m2,
            hs: src.release_height_m,
            zr: src.receptor_height_m,
            xinit: long,
            yinit: short,
            aspect: long / short,
            setting: src.setting,
            classes,
            discrete: false,
            kstsav: 0,
            dx: 0.0,
            wdsin: wd.sin(),
            wdcos: wd.cos(),
            kst: 0,
            stable: false,
            us: 1.0,
            zi: 0.0,
            sy: 1.0,
            sz: 1.0,
            spa: [[0.0; 2]; 5],
            uvert: Vec::with_capacity(10),
            vvert: Vec::with_capacity(10),
            vnvert: Vec::with_capacity(10),
            ivert: 0,
            lseg: false,
            uasegs: Vec::new(),
            ubsegs: Vec::new(),
            trap_sval: 0.0,
            trap_neval: 1,
        })
    }

    fn zero(&self, x: f64) -> Sample {
        Sample {
            distance_m: x,
            concentration_ug_per_m3: 0.0,
            meteorology: Meteorology {
                stability: 0,
                u10_m_per_s: 0.0,
            },
            stack_wind_m_per_s: 0.0,
            mixing_height_m: 0.0,
            plume_height_m: 0.0,
            sigma_y_m: 0.0,
            sigma_z_m: 0.0,
        }
    }

    /// `USERX` for an area source: each class at 1 m/s, each direction `FINDMX` proposes.
    fn userx(&mut self, x: f64) -> Sample {
        let mut best = Sample {
            concentration_ug_per_m3: -999.0,
            ..self.zero(x)
        };
        let mut best_kst = 0u8;
        let classes = self.classes.clone();
        for kst in classes {
            if !self.discrete && self.dx >= 0.0 && kst < self.kstsav {
                continue;
            }
            let k = usize::from(kst - 1);
            self.kst = kst;
            self.stable = kst > 4;
            let uref = if x > 50000.0 { 2.0 } else { 1.0 };
            let p = match self.setting {
                Setting::Rural => P_RURAL[k],
                Setting::Urban => P_URBAN[k],
            };
            self.us = if self.hs >= 10.0 {
                uref * (self.hs / 10.0).powf(p)
            } else {
                uref
            }
            .max(1.0);
            let he = self.hs;
            let mut zi = 320.0 * uref;
            if zi > 10000.0 {
                zi = 10000.0;
            }
            if zi < he + 1.0 {
                zi = he + 1.0;
            }
            if self.stable {
                zi = 10000.0;
            }
            self.zi = zi;
            let (mindir, maxdir) = self.findmx(x / (0.5 * self.xinit));
            for iwd in mindir..=maxdir {
                self.set_vertices(-f64::from(iwd) * DTORAD);
                let conc = self.areain(x) * self.q_per_m2 * 1.0e6 / self.us;
                if conc > best.concentration_ug_per_m3 {
                    best = Sample {
                        distance_m: x,
                        concentration_ug_per_m3: conc,
                        meteorology: Meteorology {
                            stability: kst,
                            u10_m_per_s: uref,
                        },
                        stack_wind_m_per_s: self.us,
                        mixing_height_m: zi,
                        plume_height_m: he,
                        sigma_y_m: self.sy,
                        sigma_z_m: self.sz,
                    };
                    best_kst = kst;
                }
            }
        }
        self.kstsav = best_kst;
        best
    }

    /// The rectangle's corners rotated by `angrad`, in the wind's coordinates (`AVERTS`), km.
    fn set_vertices(&mut self, angrad: f64) {
        let (s, c) = angrad.sin_cos();
        let (hy, hx) = (0.5 * self.yinit, 0.5 * self.xinit);
        let corners = [
            (hy * s - hx * c, -hy * c - hx * s),
            (-hy * s - hx * c, hy * c - hx * s),
            (-hy * s + hx * c, hy * c + hx * s),
            (hy * s + hx * c, -hy * c + hx * s),
        ];
        for (i, &(ax, ay)) in corners.iter().chain(corners.iter().take(1)).enumerate() {
            let (ax, ay) = (ax / 1000.0, ay / 1000.0);
            self.spa[i] = [
                -(ax * self.wdsin + ay * self.wdcos),
                ax * self.wdcos - ay * self.wdsin,
            ];
        }
    }

    /// `FINDMX`: the range of wind directions (degrees) to search at normalised distance `xnorm`.
    fn findmx(&self, xnorm: f64) -> (i32, i32) {
        let maxcol = tables::ASPECTS.len();
        let maxrow = tables::DISTANCES.len();
        let col = tables::ASPECTS
            .iter()
            .position(|&a| self.aspect < a)
            .unwrap_or(maxcol);
        let row = tables::DISTANCES
            .iter()
            .position(|&d| xnorm < d)
            .unwrap_or(maxrow);
        let table = match (self.setting, self.kst) {
            (Setting::Rural, 1) => &tables::MXRURA,
            (Setting::Rural, 2) => &tables::MXRURB,
            (Setting::Rural, 3) => &tables::MXRURC,
            (Setting::Rural, 4) => &tables::MXRURD,
            (Setting::Rural, 5) => &tables::MXRURE,
            (Setting::Rural, _) => &tables::MXRURF,
            (Setting::Urban, 1 | 2) => &tables::MXURBA,
            (Setting::Urban, 3) => &tables::MXURBC,
            (Setting::Urban, 4) => &tables::MXURBD,
            (Setting::Urban, _) => &tables::MXURBF,
        };
        // 1-based (col, row) as in the Fortran, each ≥ 1 because aspect ≥ 1 and xnorm ≥ 0.
        let col = col.max(1);
        let row = row.max(1);
        let at = |c: usize, r: usize| i32::from(table[r - 1][c - 1]);
        let mut cells = vec![at(col, row)];
        let col_inside = col < maxcol;
        let row_inside = row < maxrow;
        if col_inside {
            cells.push(at(col + 1, row));
        }
        if row_inside {
            cells.push(at(col, row + 1));
        }
        if col_inside && row_inside {
            cells.push(at(col + 1, row + 1));
        }
        let min = cells.iter().copied().min().unwrap_or(0);
        let max = cells.iter().copied().max().unwrap_or(0);
        (min, max)
    }

    /// `AREAIN`: the integral over the area for a receptor `x` m downwind (before ×Q/us).
    fn areain(&mut self, x: f64) -> f64 {
        let rp1 = -(x * self.wdsin) / 1000.0;
        let rp2 = (x * self.wdcos) / 1000.0;
        let ucrit = 0.00101;
        self.uvert.clear();
        self.vvert.clear();
        for ncp in 0..4 {
            let ua = rp1 - self.spa[ncp][0];
            let ub = rp1 - self.spa[ncp + 1][0];
            let va = rp2 - self.spa[ncp][1];
            let vb = rp2 - self.spa[ncp + 1][1];
            if ua >= ucrit {
                self.uvert.push(ua);
                self.vvert.push(va);
            }
            if (ua >= ucrit && ub < ucrit) || (ua < ucrit && ub >= ucrit) {
                self.uvert.push(ucrit);
                self.vvert.push(va + (ucrit - ua) * (vb - va) / (ub - ua));
            }
        }
        let kside = self.uvert.len();
        if kside < 2 {
            return 0.0;
        }
        self.vnvert.clear();
        let (mut vnmin, mut vnmax) = (4.0f64, -4.0f64);
        for ncp in 0..kside {
            let (vnorm, _) = self.pwidth(self.uvert[ncp], self.vvert[ncp]);
            self.vnvert.push(vnorm);
            vnmax = vnmax.max(vnorm);
            vnmin = vnmin.min(vnorm);
        }
        if vnmin >= 4.0 || vnmax <= -4.0 {
            return 0.0;
        }
        self.uvert.push(self.uvert[0]);
        self.vvert.push(self.vvert[0]);
        self.vnvert.push(self.vnvert[0]);
        self.uasegs.clear();
        self.ubsegs.clear();
        self.lseg = false;
        let mut val = 0.0;
        for ks in 0..kside {
            self.ivert = ks;
            let ua = self.uvert[ks];
            let ub = self.uvert[ks + 1];
            if (ua - ub).abs() > 0.0001 {
                val += self.pside(ua, ub);
            }
        }
        if !self.uasegs.is_empty() {
            self.lseg = true;
            val += self.pside2();
        }
        val.abs()
    }

    /// `XWIDTH`: the crosswind coordinate of the current side at upwind distance `u`.
    fn xwidth(&self, u: f64) -> f64 {
        let (u1, u2) = (self.uvert[self.ivert], self.uvert[self.ivert + 1]);
        let (v1, v2) = (self.vvert[self.ivert], self.vvert[self.ivert + 1]);
        v1 + (u - u1) * (v2 - v1) / (u2 - u1)
    }

    /// `PWIDTH`: normalised crosswind distance and the fraction of the plume inside it; sets
    /// σy and σz for the distance `x1` km.
    fn pwidth(&mut self, x1: f64, v1: f64) -> (f64, f64) {
        if x1 == 0.0 {
            self.sy = 1.0;
            self.sz = 1.0;
            let vn = v1 * 1000.0;
            return (vn, vn);
        }
        self.set_sigmas(x1);
        self.sy = self.sy.max(0.0001);
        self.sz = self.sz.max(0.0001);
        let vn = 1000.0 * v1 / self.sy;
        let temp = 10.0 * vn + 40.0;
        let itemp = temp.trunc();
        let width = if itemp > 78.0 {
            1.0
        } else if itemp >= 1.0 {
            // itemp is an integer in 1..=78 here.
            let i = itemp as usize;
            GA[i - 1] + (temp - itemp) * (GA[i] - GA[i - 1])
        } else {
            0.0
        };
        (vn, width)
    }

    /// σy, σz at `x1` km as `PWIDTH` and `PLUMEF` set them (the rural near-field special case).
    fn set_sigmas(&mut self, x1: f64) {
        self.sz = 1.0;
        self.sy = 1.0;
        if self.setting == Setting::Rural && x1 <= 0.0005 {
            self.sz = sz_coef_a(self.kst, x1);
        } else {
            let xarg = x1 * 1000.0;
            self.sy = sigma_y(self.setting, self.kst, xarg);
            self.sz = sigma_z(self.setting, self.kst, xarg);
        }
    }

    /// `PLUMEF`: the integrand at upwind distance `x1` km.
    fn plumef(&mut self, x1: f64) -> f64 {
        let val = if self.lseg {
            self.set_sigmas(x1);
            1.0
        } else {
            let vt = self.xwidth(x1);
            self.pwidth(x1, vt).1
        };
        // ACHI
        let rcz = if x1 >= 0.001 {
            vert(self.stable, self.zi, self.sz, self.hs, self.zr) / (SRT2PI * self.sz)
        } else {
            0.0
        };
        val * rcz * 1000.0
    }

    /// `PSIDE`: the contribution of one side, splitting off the parts where the plume lies
    /// wholly inside the area (`vn > 4`, integrated later by `PSIDE2`) or wholly outside.
    fn pside(&mut self, u1: f64, u2: f64) -> f64 {
        let ks = self.ivert;
        let vn = [self.vnvert[ks], self.vnvert[ks + 1]];
        let (ua, ub) = (self.uvert[ks], self.uvert[ks + 1]);
        let mut iminus = 0;
        let mut iplus = 0;
        for (i, &v) in vn.iter().enumerate() {
            if v < -4.0 {
                iminus += i + 1;
            }
            if v > 4.0 {
                iplus += i + 1;
            }
        }
        let mut uplus = -1.0;
        let mut uminus = -1.0;
        if (iplus == 1 || iplus == 2)
            && let Some(r) = self.zbrent(1.0, ua, ub, 0.0001)
        {
            uplus = r;
        }
        if (iminus == 1 || iminus == 2)
            && let Some(r) = self.zbrent(-1.0, ua, ub, 0.0001)
        {
            uminus = r;
        }
        match iplus {
            0 => match iminus {
                0 => self.qromb(u1, u2),
                3 => 0.0,
                1 => self.qromb(uminus, u2),
                _ => self.qromb(u1, uminus),
            },
            1 => {
                self.uasegs.push(u1);
                self.ubsegs.push(uplus);
                if iminus == 0 {
                    self.qromb(uplus, u2)
                } else {
                    self.qromb(uplus, uminus)
                }
            }
            2 => {
                self.uasegs.push(uplus);
                self.ubsegs.push(u2);
                if iminus == 0 {
                    self.qromb(u1, uplus)
                } else {
                    self.qromb(uminus, uplus)
                }
            }
            _ => {
                self.uasegs.push(u1);
                self.ubsegs.push(u2);
                0.0
            }
        }
    }

    /// `PSIDE2`: integrate the stretches where the plume is wholly inside the area, each once
    /// with its net sign.
    fn pside2(&mut self) -> f64 {
        let mut ulist: Vec<f64> = self
            .uasegs
            .iter()
            .zip(&self.ubsegs)
            .flat_map(|(&a, &b)| [a, b])
            .collect();
        ulist.sort_by(f64::total_cmp);
        let mut segs: Vec<(f64, f64, i32)> = Vec::new();
        let mut signs = Vec::with_capacity(self.uasegs.len());
        for i in 0..self.uasegs.len() {
            let mut sign = 1;
            if self.uasegs[i] > self.ubsegs[i] {
                sign = -1;
                std::mem::swap(&mut self.uasegs[i], &mut self.ubsegs[i]);
            }
            if self.uasegs[i] == self.ubsegs[i] {
                sign = 0;
            }
            signs.push(sign);
        }
        for w in ulist.windows(2) {
            let (u1, u2) = (w[0], w[1]);
            if u1 == u2 {
                continue;
            }
            let ufac: i32 = (0..self.uasegs.len())
                .filter(|&j| u1 >= self.uasegs[j] && u2 <= self.ubsegs[j])
                .map(|j| signs[j])
                .sum();
            if ufac != 0 {
                segs.push((u1, u2, ufac));
            }
        }
        for i in 1..segs.len() {
            if segs[i].0 == segs[i - 1].1 && segs[i].2 * segs[i - 1].2 > 0 {
                segs[i - 1].2 = 0;
                segs[i].0 = segs[i - 1].0;
            }
        }
        let mut dval = 0.0;
        for (a, b, f) in segs {
            if f != 0 {
                self.lseg = true;
                dval += f64::from(f) * self.qromb(a, b);
            }
        }
        dval
    }

    /// `ZBRENT`: where the normalised crosswind distance along the current side equals
    /// `ifd`·4 (Brent's method); `None` when the side does not cross it.
    fn zbrent(&mut self, ifd: f64, x1: f64, x2: f64, tol: f64) -> Option<f64> {
        let vn_at = |run: &mut AreaRun, u: f64| {
            let v = run.xwidth(u);
            run.pwidth(u, v).0 - ifd * 4.0
        };
        let mut a = x1;
        let mut b = x2;
        let mut fa = vn_at(self, a);
        let mut fb = vn_at(self, b);
        if fb * fa > 0.0 {
            return None;
        }
        let mut fc = fb;
        let (mut c, mut d, mut e) = (0.0f64, 0.0f64, 0.0f64);
        for _ in 0..ITMAX {
            if fb * fc > 0.0 {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if fc.abs() < fb.abs() {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            let tol1 = 2.0 * EPS * b.abs() + 0.5 * tol;
            let xm = 0.5 * (c - b);
            if xm.abs() <= tol1 || fb == 0.0 {
                return Some(b);
            }
            if e.abs() >= tol1 && fa.abs() > fb.abs() {
                let s = fb / fa;
                let (mut p, mut q);
                if a == c {
                    p = 2.0 * xm * s;
                    q = 1.0 - s;
                } else {
                    let qq = fa / fc;
                    let r = fb / fc;
                    p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                    q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
                }
                if p > 0.0 {
                    q = -q;
                }
                p = p.abs();
                if 2.0 * p < (3.0 * xm * q - (tol1 * q).abs()).min((e - q).abs()) {
                    e = d;
                    d = p / q;
                } else {
                    d = xm;
                    e = d;
                }
            } else {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            if d.abs() > tol1 {
                b += d;
            } else {
                b += tol1.copysign(xm);
            }
            fb = vn_at(self, b);
        }
        Some(b)
    }

    /// `QROMB`: Romberg integration of `PLUMEF` from `a` to `b` (km).
    fn qromb(&mut self, a: f64, b: f64) -> f64 {
        let mut s = [0.0f64; JMAX1 + 1];
        let mut h = [0.0f64; JMAX1 + 1];
        h[0] = 1.0;
        s[0] = self.trapzd(a, b, 1);
        let mut ss = s[0];
        for j in 2..=JMAX1 {
            h[j - 1] = 0.25 * h[j - 2];
            s[j - 1] = self.trapzd(a, b, j);
            let kp = j.min(K1) - 1;
            let start = j - kp - 1;
            let (y, dy) = polint(&h[start..start + kp + 1], &s[start..start + kp + 1]);
            ss = y;
            if (dy.abs() <= EPS * ss.abs() || ss.abs() <= EPS2) && j >= 4 {
                break;
            }
        }
        ss
    }

    /// `TRAPZD`: the n-th refinement of the trapezoidal rule (keeps its state between calls).
    fn trapzd(&mut self, a: f64, b: f64, n: usize) -> f64 {
        let val;
        if n == 1 {
            let sum = self.plumef(b) + self.plumef(a);
            let del = b - a;
            self.trap_sval = 0.0;
            self.trap_neval = 1;
            val = 0.5 * (self.trap_sval + del * sum);
        } else {
            let del = (b - a) / self.trap_neval as f64;
            let mut x = a + del * 0.5;
            let mut sum = 0.0;
            for _ in 0..self.trap_neval {
                sum += self.plumef(x);
                x += del;
            }
            self.trap_neval *= 2;
            val = 0.5 * (self.trap_sval + del * sum);
        }
        self.trap_sval = val;
        val
    }

    /// `TPMXA`: refine the maximum of an area source.
    fn tpmxa(&mut self, table_max: Sample, xmin: f64) -> Sample {
        const FACT: [f64; 12] = [
            -0.75, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0,
        ];
        let xcnt = table_max.distance_m;
        if table_max.concentration_ug_per_m3 == 0.0 {
            return table_max;
        }
        let mut last = table_max;
        for (i, f) in FACT.iter().enumerate() {
            self.dx = if i == 0 { -1.0 } else { 0.0 };
            let x = xcnt + xcnt * f;
            let s = self.userx(x);
            if s.concentration_ug_per_m3 > last.concentration_ug_per_m3 && x >= xmin {
                last = s;
            }
        }
        let mut x = last.distance_m;
        self.dx = if x <= 1000.0 {
            100.0
        } else if x <= 10000.0 {
            1000.0
        } else {
            10000.0
        };
        // For an area source the search always starts inward.
        self.dx = -self.dx;
        let mut peak: Option<Sample> = None;
        let mut n = 1;
        'shrink: loop {
            self.dx *= -0.1;
            if self.dx.abs() < 1.0 {
                return match peak {
                    Some(p) if p.distance_m >= xmin => p,
                    _ => table_max,
                };
            }
            loop {
                x += self.dx;
                if n == 1 {
                    self.kstsav = 0;
                }
                let s = self.userx(x);
                n += 1;
                if n > 50 {
                    return match peak {
                        Some(p) if p.distance_m >= xmin => p,
                        _ => table_max,
                    };
                }
                if s.concentration_ug_per_m3 < last.concentration_ug_per_m3 {
                    peak = Some(last);
                    last = s;
                    continue 'shrink;
                }
                peak = Some(s);
                last = s;
                if x > 50000.0 {
                    return s;
                }
                if x == 1.0 {
                    return if x < xmin { table_max } else { s };
                }
            }
        }
    }
}

/// `POLINT`: Neville's polynomial through (xa, ya) evaluated at 0, with its error estimate.
fn polint(xa: &[f64], ya: &[f64]) -> (f64, f64) {
    let n = xa.len();
    let mut c: Vec<f64> = ya.to_vec();
    let mut d: Vec<f64> = ya.to_vec();
    // 1-based ns as in the Fortran.
    let mut ns = n;
    let mut y = ya[ns - 1];
    ns -= 1;
    let mut dy = 0.0;
    for m in 1..n {
        for i in 0..n - m {
            let ho = xa[i];
            let hp = xa[i + m];
            let w = c[i + 1] - d[i];
            let den = w / (ho - hp);
            d[i] = hp * den;
            c[i] = ho * den;
        }
        if 2 * ns < n - m {
            dy = c[ns];
        } else {
            dy = d[ns - 1];
            ns -= 1;
        }
        y += dy;
    }
    (y, dy)
}
