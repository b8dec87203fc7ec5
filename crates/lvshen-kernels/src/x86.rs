//! The AVX-512 VNNI kernels and the packed layouts they read.
//!
//! Safety, once for the whole module: every `unsafe` block here is one of
//! 1. a call of a `#[target_feature]` function — only reached through [`matmul`], which is
//!    only reachable from a [`crate::PackedMatrix`], which [`crate::PackedMatrix::from_ggml`]
//!    builds only after [`crate::available`] confirmed the features at run time;
//! 2. an unaligned SIMD load (`loadu`) of a pointer into a `Vec` that holds the whole
//!    structure read — bounds are argued where the pointer is made;
//! 3. a write of one `f32` of the output buffer through [`OutPtr`], at an index below
//!    `m × n`, by exactly one thread (row blocks are disjoint).
#![allow(unsafe_code)]

use std::arch::x86_64::*;
use std::ops::Range;

use half::f16;

use crate::Kind;
use crate::act::{ActPair, ActSuper, Activations};

/// Rows of one tile (Q4_K, Q6_K), and rows handed to a thread at a time (all types).
const ROW_BLOCK: usize = 16;

/// Calls `$kernel::<R>($w, [$a(0), …, $a(R - 1)], $res)` with `R = $count` (1 to 4): the
/// kernels take their activation rows as an array of constant length.
macro_rules! by_count {
    ($count:expr, $kernel:ident, $w:expr, $a:ident, $res:expr) => {
        match $count {
            4 => $kernel::<4>($w, [$a(0), $a(1), $a(2), $a(3)], $res),
            3 => $kernel::<3>($w, [$a(0), $a(1), $a(2)], $res),
            2 => $kernel::<2>($w, [$a(0), $a(1)], $res),
            _ => $kernel::<1>($w, [$a(0)], $res),
        }
    };
}

/// One Q4_K super-block (256 weights) of 16 rows, interleaved so that one `vpdpbusd`
/// multiplies 4 weights of each of the 16 rows (one row per lane) by the same 4
/// activations, and laid out in the order the kernel reads it (one sequential stream for
/// the prefetcher). 148 bytes per row and super-block (GGUF: 144).
#[repr(C)]
#[derive(Clone)]
pub(crate) struct TileQ4K {
    /// First: the kernel reads them first.
    d: [f16; 16],
    dmin: [f16; 16],
    subs: [SubQ4K; 8],
}

/// One 32-weight sub-block of a [`TileQ4K`].
#[repr(C)]
#[derive(Clone)]
struct SubQ4K {
    /// `[group g (4)][row (16)][4]`: byte `j` holds weight `8g + j` of the sub-block (low
    /// nibble) and weight `8g + 4 + j` (high nibble).
    qs: [u8; 256],
    /// The rows' 6-bit scales unpacked to bytes.
    scales: [u8; 16],
    /// The rows' 6-bit mins unpacked to bytes.
    mins: [u8; 16],
}

/// One Q6_K super-block of 16 rows, interleaved like [`TileQ4K`]. 210 bytes per row and
/// super-block, as in GGUF.
#[repr(C)]
#[derive(Clone)]
pub(crate) struct TileQ6K {
    /// First: the kernel reads it first.
    d: [f16; 16],
    subs: [SubQ6K; 16],
}

/// One 16-weight sub-block of a [`TileQ6K`].
#[repr(C)]
#[derive(Clone)]
struct SubQ6K {
    /// `[group g (2)][row][4]`: low 4 bits of weight `8g + j` of the sub-block (low nibble)
    /// and of weight `8g + 4 + j` (high nibble).
    ql: [u8; 128],
    /// `[row][4]`: byte `j` holds the high 2 bits of weights `j`, `4 + j`, `8 + j`,
    /// `12 + j` in bits 0–1, 2–3, 4–5, 6–7.
    qh: [u8; 64],
    scales: [i8; 16],
}

/// Two Q8_0 blocks (64 weights of one row), quants offset by +128.
#[repr(C)]
#[derive(Clone)]
pub(crate) struct PairQ8_0 {
    qs: [u8; 64],
    d: [f16; 2],
}

pub(crate) enum Packed {
    /// `ceil(n/16) × k/256` tiles, row-major.
    Q4K {
        tiles: Vec<TileQ4K>,
        n: usize,
        k: usize,
    },
    /// `ceil(n/16) × k/256` tiles, row-major.
    Q6K {
        tiles: Vec<TileQ6K>,
        n: usize,
        k: usize,
    },
    /// `n × ceil(k/64)` pairs, row-major.
    Q8_0 {
        pairs: Vec<PairQ8_0>,
        n: usize,
        k: usize,
    },
}

/// ggml's unpacking of the 6-bit scale and min of sub-block `j`.
fn scale_min_k4(j: usize, s: &[u8]) -> (u8, u8) {
    if j < 4 {
        (s[j] & 63, s[j + 4] & 63)
    } else {
        (
            (s[j + 4] & 0x0F) | ((s[j - 4] >> 6) << 4),
            (s[j + 4] >> 4) | ((s[j] >> 6) << 4),
        )
    }
}

fn f16_at(bytes: &[u8], at: usize) -> f16 {
    f16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// A GGUF block unpacked: the 256 stored values, and the scales/mins/d of its kind.
struct Unpacked {
    values: [u8; 256],
    scales: [u8; 16],
    mins: [u8; 8],
    d: f16,
    dmin: f16,
}

/// Unpacks a GGUF `block_q4_K`: d, dmin (f16), scales[12], qs[128]; qs chunk `c` (32 bytes)
/// holds weights `64c..` in its low nibbles and `64c + 32..` in its high nibbles.
fn unpack_q4k(b: &[u8]) -> Unpacked {
    let mut u = Unpacked {
        values: [0; 256],
        scales: [0; 16],
        mins: [0; 8],
        d: f16_at(b, 0),
        dmin: f16_at(b, 2),
    };
    for c in 0..4 {
        for j in 0..32 {
            let byte = b[16 + c * 32 + j];
            u.values[c * 64 + j] = byte & 0x0F;
            u.values[c * 64 + 32 + j] = byte >> 4;
        }
    }
    for j in 0..8 {
        (u.scales[j], u.mins[j]) = scale_min_k4(j, &b[4..16]);
    }
    u
}

/// Unpacks a GGUF `block_q6_K`: ql[128], qh[64], scales[16] (i8), d (f16); the stored
/// values are the weights + 32 (ggml's `dequantize_row_q6_K`).
fn unpack_q6k(b: &[u8]) -> Unpacked {
    let mut u = Unpacked {
        values: [0; 256],
        scales: [0; 16],
        mins: [0; 8],
        d: f16_at(b, 208),
        dmin: f16::ZERO,
    };
    for h in 0..2 {
        let (ql, qh) = (&b[64 * h..64 * h + 64], &b[128 + 32 * h..128 + 32 * h + 32]);
        let v = &mut u.values[128 * h..128 * h + 128];
        for l in 0..32 {
            v[l] = (ql[l] & 0x0F) | ((qh[l] & 3) << 4);
            v[l + 32] = (ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4);
            v[l + 64] = (ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4);
            v[l + 96] = (ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4);
        }
    }
    u.scales.copy_from_slice(&b[192..208]);
    u
}

/// Builds `ceil(n/16) × k/256` tiles from GGUF blocks of `block_bytes`, filling each from
/// the 16 rows' unpacked blocks (rows past `n` stay zero).
fn tiles<T>(
    bytes: &[u8],
    n: usize,
    k: usize,
    block_bytes: usize,
    unpack: fn(&[u8]) -> Unpacked,
    fill: fn(&mut T, usize, &Unpacked),
) -> Vec<T>
where
    T: Clone + Send + Zeroed,
{
    let nsb = k / 256;
    let mut out = vec![T::zeroed(); n.div_ceil(ROW_BLOCK) * nsb];
    // One row tile (16 rows × all super-blocks) per chunk; chunks are split over the cores
    // (loading is otherwise a single-threaded pass over every weight).
    let fill_tile = |tile: usize, chunk: &mut [T]| {
        for row in tile * ROW_BLOCK..((tile + 1) * ROW_BLOCK).min(n) {
            for (b, t) in chunk.iter_mut().enumerate() {
                let at = (row * nsb + b) * block_bytes;
                fill(t, row % ROW_BLOCK, &unpack(&bytes[at..at + block_bytes]));
            }
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get());
    let tiles_per_thread = n.div_ceil(ROW_BLOCK).div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (part, chunks) in out.chunks_mut(tiles_per_thread * nsb).enumerate() {
            let fill_tile = &fill_tile;
            scope.spawn(move || {
                for (i, chunk) in chunks.chunks_mut(nsb).enumerate() {
                    fill_tile(part * tiles_per_thread + i, chunk);
                }
            });
        }
    });
    out
}

/// A tile of zeros.
trait Zeroed {
    fn zeroed() -> Self;
}

impl Zeroed for TileQ4K {
    fn zeroed() -> Self {
        TileQ4K {
            d: [f16::ZERO; 16],
            dmin: [f16::ZERO; 16],
            subs: std::array::from_fn(|_| SubQ4K {
                qs: [0; 256],
                scales: [0; 16],
                mins: [0; 16],
            }),
        }
    }
}

impl Zeroed for TileQ6K {
    fn zeroed() -> Self {
        TileQ6K {
            d: [f16::ZERO; 16],
            subs: std::array::from_fn(|_| SubQ6K {
                ql: [0; 128],
                qh: [0; 64],
                scales: [0; 16],
            }),
        }
    }
}

fn q4k_tile(t: &mut TileQ4K, r: usize, u: &Unpacked) {
    for (s, sub) in t.subs.iter_mut().enumerate() {
        let v = &u.values[32 * s..32 * s + 32];
        for g in 0..4 {
            for j in 0..4 {
                sub.qs[(g * 16 + r) * 4 + j] = v[8 * g + j] | (v[8 * g + 4 + j] << 4);
            }
        }
        sub.scales[r] = u.scales[s];
        sub.mins[r] = u.mins[s];
    }
    t.d[r] = u.d;
    t.dmin[r] = u.dmin;
}

fn q6k_tile(t: &mut TileQ6K, r: usize, u: &Unpacked) {
    for (s, sub) in t.subs.iter_mut().enumerate() {
        let v = &u.values[16 * s..16 * s + 16];
        for g in 0..2 {
            for j in 0..4 {
                sub.ql[(g * 16 + r) * 4 + j] =
                    (v[8 * g + j] & 0x0F) | ((v[8 * g + 4 + j] & 0x0F) << 4);
            }
        }
        for j in 0..4 {
            let hb = |i: usize| v[i] >> 4;
            sub.qh[r * 4 + j] = hb(j) | (hb(4 + j) << 2) | (hb(8 + j) << 4) | (hb(12 + j) << 6);
        }
        sub.scales[r] = u.scales[s] as i8;
    }
    t.d[r] = u.d;
}

impl Packed {
    /// Packs GGUF blocks whose count and width [`crate::PackedMatrix::from_ggml`] checked.
    pub(crate) fn new(kind: Kind, bytes: &[u8], n: usize, k: usize) -> Self {
        match kind {
            Kind::Q4K => Packed::Q4K {
                tiles: tiles(bytes, n, k, 144, unpack_q4k, q4k_tile),
                n,
                k,
            },
            Kind::Q6K => Packed::Q6K {
                tiles: tiles(bytes, n, k, 210, unpack_q6k, q6k_tile),
                n,
                k,
            },
            Kind::Q8_0 => {
                let per_row = k / 32;
                let mut pairs = Vec::with_capacity(n * per_row.div_ceil(2));
                for row in bytes.chunks_exact(per_row * 34) {
                    for two in row.chunks(68) {
                        let mut p = PairQ8_0 {
                            qs: [128; 64],
                            d: [f16::ZERO; 2],
                        };
                        for (i, block) in two.chunks_exact(34).enumerate() {
                            p.d[i] = f16_at(block, 0);
                            for j in 0..32 {
                                p.qs[i * 32 + j] = (block[2 + j] as i8 as i16 + 128) as u8;
                            }
                        }
                        pairs.push(p);
                    }
                }
                Packed::Q8_0 { pairs, n, k }
            }
        }
    }

    pub(crate) fn kind(&self) -> Kind {
        match self {
            Packed::Q4K { .. } => Kind::Q4K,
            Packed::Q6K { .. } => Kind::Q6K,
            Packed::Q8_0 { .. } => Kind::Q8_0,
        }
    }

    pub(crate) fn n(&self) -> usize {
        match self {
            Packed::Q4K { n, .. } | Packed::Q6K { n, .. } | Packed::Q8_0 { n, .. } => *n,
        }
    }

    pub(crate) fn size_bytes(&self) -> usize {
        match self {
            Packed::Q4K { tiles, .. } => tiles.len() * size_of::<TileQ4K>(),
            Packed::Q6K { tiles, .. } => tiles.len() * size_of::<TileQ6K>(),
            Packed::Q8_0 { pairs, .. } => pairs.len() * size_of::<PairQ8_0>(),
        }
    }

    /// Rows `rows` of the product with `acts`, written to `out` (`m × n`, row-major).
    fn rows(&self, rows: Range<usize>, acts: &Activations, out: OutPtr) {
        let m = acts.m;
        match self {
            Packed::Q4K { tiles, n, k } => {
                let nsb = k / 256;
                drive_tiles(m, rows, *n, out, |tile, r0, count, res| {
                    let w = &tiles[tile * nsb..(tile + 1) * nsb];
                    let a = |i: usize| &acts.supers[(r0 + i) * nsb..(r0 + i + 1) * nsb];
                    // SAFETY: 1. (features checked); each slice holds `nsb` elements.
                    unsafe { by_count!(count, tile_q4k, w, a, res) }
                });
            }
            Packed::Q6K { tiles, n, k } => {
                let nsb = k / 256;
                drive_tiles(m, rows, *n, out, |tile, r0, count, res| {
                    let w = &tiles[tile * nsb..(tile + 1) * nsb];
                    let a = |i: usize| &acts.supers[(r0 + i) * nsb..(r0 + i + 1) * nsb];
                    // SAFETY: 1. (features checked); each slice holds `nsb` elements.
                    unsafe { by_count!(count, tile_q6k, w, a, res) }
                });
            }
            Packed::Q8_0 { pairs, n, k } => {
                let np = k.div_ceil(64);
                drive_tiles(m, rows, *n, out, |tile, r0, count, res| {
                    let a = |i: usize| &acts.pairs[(r0 + i) * np..(r0 + i + 1) * np];
                    let first = tile * ROW_BLOCK;
                    for (j, row) in (first..(first + ROW_BLOCK).min(*n)).enumerate() {
                        let w = &pairs[row * np..(row + 1) * np];
                        let mut one = [0.0f32; 4];
                        // SAFETY: 1.; each slice holds `np` pairs.
                        unsafe { by_count!(count, dot_q8_0, w, a, &mut one) };
                        for (r, v) in one[..count].iter().enumerate() {
                            res[r][j] = *v;
                        }
                    }
                });
            }
        }
    }
}

/// The output buffer of one matrix, shared by the threads that write disjoint rows of it.
#[derive(Clone, Copy)]
struct OutPtr {
    ptr: *mut f32,
    len: usize,
}

// SAFETY: 3. — threads write disjoint indices; the buffer outlives the pool's execution.
unsafe impl Send for OutPtr {}
// SAFETY: as above.
unsafe impl Sync for OutPtr {}

impl OutPtr {
    fn write(&self, at: usize, v: f32) {
        assert!(at < self.len, "output index {at} outside {}", self.len);
        // SAFETY: 3. — in bounds (checked), written by the one thread owning this row.
        unsafe { self.ptr.add(at).write(v) }
    }
}

/// For each tile of rows `rows` (whole tiles of [`ROW_BLOCK`]) and each group of up to 4
/// activation rows, calls `dot(tile, first activation row, count, results)` — results
/// `[activation][row in tile]` — and stores the rows that exist.
fn drive_tiles(
    m: usize,
    rows: Range<usize>,
    n: usize,
    out: OutPtr,
    dot: impl Fn(usize, usize, usize, &mut [[f32; ROW_BLOCK]; 4]),
) {
    let mut res = [[0.0f32; ROW_BLOCK]; 4];
    let tiles = rows.start / ROW_BLOCK..rows.end.div_ceil(ROW_BLOCK);
    for r0 in (0..m).step_by(4) {
        let count = (m - r0).min(4);
        for tile in tiles.clone() {
            dot(tile, r0, count, &mut res);
            let first = tile * ROW_BLOCK;
            let last = (first + ROW_BLOCK).min(n);
            for (i, values) in res[..count].iter().enumerate() {
                for (row, v) in (first..last).zip(values) {
                    out.write((r0 + i) * n + row, *v);
                }
            }
        }
    }
}

/// Every matrix of `mats` times `acts`, rows split over candle's thread pool.
pub(crate) fn matmul(mats: &[&Packed], acts: &Activations) -> Vec<Vec<f32>> {
    let m = acts.m;
    let mut outs: Vec<Vec<f32>> = mats.iter().map(|p| vec![0.0f32; m * p.n()]).collect();
    let ptrs: Vec<OutPtr> = outs
        .iter_mut()
        .map(|o| OutPtr {
            ptr: o.as_mut_ptr(),
            len: o.len(),
        })
        .collect();
    // Work items: (matrix, first row) of each block of ROW_BLOCK rows.
    let items: Vec<(usize, usize)> = mats
        .iter()
        .enumerate()
        .flat_map(|(i, p)| (0..p.n()).step_by(ROW_BLOCK).map(move |r| (i, r)))
        .collect();
    candle_core::utils::barrier_pool().execute_chunked(items.len(), |range| {
        for &(i, start) in &items[range] {
            let end = (start + ROW_BLOCK).min(mats[i].n());
            mats[i].rows(start..end, acts, ptrs[i]);
        }
    });
    outs
}

/// Lane indices `[a ×8, b ×8]` for `vpermd`.
#[target_feature(enable = "avx512f")]
fn pair_index(a: i32, b: i32) -> __m512i {
    _mm512_setr_epi32(a, a, a, a, a, a, a, a, b, b, b, b, b, b, b, b)
}

/// The 4 activations `a[at..at + 4]` in every lane.
#[target_feature(enable = "avx512f")]
fn broadcast4(a: &[i8; 256], at: usize) -> __m512i {
    assert!(at + 4 <= 256);
    // SAFETY: 2. — in bounds (asserted).
    let v = unsafe { a.as_ptr().add(at).cast::<i32>().read_unaligned() };
    _mm512_set1_epi32(v)
}

/// One tile (16 rows) of Q4_K weights times `R` activation rows; `res[r][row]`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")]
fn tile_q4k<const R: usize>(
    w: &[TileQ4K],
    acts: [&[ActSuper]; R],
    res: &mut [[f32; ROW_BLOCK]; 4],
) {
    let low = _mm512_set1_epi8(0x0F);
    let zero = _mm512_setzero_si512();
    let mut acc = [_mm512_setzero_ps(); R];
    for (b, t) in w.iter().enumerate() {
        // SAFETY: 2. — `d`, `dmin` are 16 f16 (32 bytes).
        let (d, dmin) = unsafe {
            (
                _mm512_cvtph_ps(_mm256_loadu_si256(t.d.as_ptr().cast())),
                _mm512_cvtph_ps(_mm256_loadu_si256(t.dmin.as_ptr().cast())),
            )
        };
        let mut sums = [zero; R];
        let mut mins = [zero; R];
        for (s, sub) in t.subs.iter().enumerate() {
            // SAFETY: 2. — `scales`/`mins` are 16 bytes.
            let (sc, mn) = unsafe {
                (
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(sub.scales.as_ptr().cast())),
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(sub.mins.as_ptr().cast())),
                )
            };
            // Independent accumulation chains (vpdpbusd's latency): one per group when a
            // single activation row is run (decode), one per nibble half otherwise.
            let mut dots = [[zero; 4]; R];
            for gi in 0..4 {
                let g = 4 * s + gi;
                // SAFETY: 2. — `qs` is 256 bytes, gi < 4.
                let v = unsafe { _mm512_loadu_si512(sub.qs.as_ptr().add(64 * gi).cast()) };
                let lo = _mm512_and_si512(v, low);
                let hi = _mm512_and_si512(_mm512_srli_epi16::<4>(v), low);
                let (cl, ch) = if R == 1 { (gi, gi) } else { (0, 1) };
                for r in 0..R {
                    let a = &acts[r][b].qs;
                    dots[r][cl] = _mm512_dpbusd_epi32(dots[r][cl], lo, broadcast4(a, 8 * g));
                    dots[r][ch] = _mm512_dpbusd_epi32(dots[r][ch], hi, broadcast4(a, 8 * g + 4));
                }
            }
            for r in 0..R {
                let dot = _mm512_add_epi32(
                    _mm512_add_epi32(dots[r][0], dots[r][1]),
                    _mm512_add_epi32(dots[r][2], dots[r][3]),
                );
                sums[r] = _mm512_add_epi32(sums[r], _mm512_mullo_epi32(dot, sc));
                let bsum = _mm512_set1_epi32(acts[r][b].sums32[s]);
                mins[r] = _mm512_add_epi32(mins[r], _mm512_mullo_epi32(mn, bsum));
            }
        }
        for r in 0..R {
            let da = _mm512_set1_ps(acts[r][b].d);
            acc[r] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(sums[r]), _mm512_mul_ps(d, da), acc[r]);
            acc[r] = _mm512_fnmadd_ps(_mm512_cvtepi32_ps(mins[r]), _mm512_mul_ps(dmin, da), acc[r]);
        }
    }
    for r in 0..R {
        // SAFETY: 2. — `res[r]` is 16 f32.
        unsafe { _mm512_storeu_ps(res[r].as_mut_ptr(), acc[r]) };
    }
}

/// One tile (16 rows) of Q6_K weights times `R` activation rows; `res[r][row]`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")]
fn tile_q6k<const R: usize>(
    w: &[TileQ6K],
    acts: [&[ActSuper]; R],
    res: &mut [[f32; ROW_BLOCK]; 4],
) {
    let low = _mm512_set1_epi8(0x0F);
    let bits45 = _mm512_set1_epi8(0x30);
    let zero = _mm512_setzero_si512();
    let mut acc = [_mm512_setzero_ps(); R];
    for (b, t) in w.iter().enumerate() {
        // SAFETY: 2. — `d` is 16 f16.
        let d = unsafe { _mm512_cvtph_ps(_mm256_loadu_si256(t.d.as_ptr().cast())) };
        let mut sums = [zero; R];
        for (s, sub) in t.subs.iter().enumerate() {
            // SAFETY: 2. — `ql` is 128 bytes, `qh` 64, `scales` 16.
            let (v0, v1, h, sc) = unsafe {
                (
                    _mm512_loadu_si512(sub.ql.as_ptr().cast()),
                    _mm512_loadu_si512(sub.ql.as_ptr().add(64).cast()),
                    _mm512_loadu_si512(sub.qh.as_ptr().cast()),
                    _mm512_cvtepi8_epi32(_mm_loadu_si128(sub.scales.as_ptr().cast())),
                )
            };
            // Weights 16s + j, 16s + 4 + j, 16s + 8 + j, 16s + 12 + j of each lane.
            let wv = [
                _mm512_or_si512(
                    _mm512_and_si512(v0, low),
                    _mm512_and_si512(_mm512_slli_epi16::<4>(h), bits45),
                ),
                _mm512_or_si512(
                    _mm512_and_si512(_mm512_srli_epi16::<4>(v0), low),
                    _mm512_and_si512(_mm512_slli_epi16::<2>(h), bits45),
                ),
                _mm512_or_si512(_mm512_and_si512(v1, low), _mm512_and_si512(h, bits45)),
                _mm512_or_si512(
                    _mm512_and_si512(_mm512_srli_epi16::<4>(v1), low),
                    _mm512_and_si512(_mm512_srli_epi16::<2>(h), bits45),
                ),
            ];
            for r in 0..R {
                let a = &acts[r][b];
                // Two independent chains (vpdpbusd's latency).
                let mut dots = [zero; 2];
                for (i, wi) in wv.iter().enumerate() {
                    let a4 = broadcast4(&a.qs, 16 * s + 4 * i);
                    dots[i % 2] = _mm512_dpbusd_epi32(dots[i % 2], *wi, a4);
                }
                let dot = _mm512_add_epi32(dots[0], dots[1]);
                // The stored values are the weights + 32.
                let offset = _mm512_set1_epi32(32 * i32::from(a.sums16[s]));
                sums[r] = _mm512_add_epi32(
                    sums[r],
                    _mm512_mullo_epi32(_mm512_sub_epi32(dot, offset), sc),
                );
            }
        }
        for r in 0..R {
            let da = _mm512_set1_ps(acts[r][b].d);
            acc[r] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(sums[r]), _mm512_mul_ps(d, da), acc[r]);
        }
    }
    for r in 0..R {
        // SAFETY: 2. — `res[r]` is 16 f32.
        unsafe { _mm512_storeu_ps(res[r].as_mut_ptr(), acc[r]) };
    }
}

/// Dot products of one Q8_0 row with `R` activation rows, into `res[..R]`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")]
fn dot_q8_0<const R: usize>(w: &[PairQ8_0], acts: [&[ActPair]; R], res: &mut [f32; 4]) {
    let zero = _mm512_setzero_si512();
    let halves = pair_index(0, 1);
    let mut acc = [_mm512_setzero_ps(); R];
    for (b, pair) in w.iter().enumerate() {
        // SAFETY: 2. — `qs` is 64 bytes.
        let wq = unsafe { _mm512_loadu_si512(pair.qs.as_ptr().cast()) };
        let d2 = _mm_setr_ps(pair.d[0].to_f32(), pair.d[1].to_f32(), 0.0, 0.0);
        let dw = _mm512_permutexvar_ps(halves, _mm512_castps128_ps512(d2));
        for r in 0..R {
            let a = &acts[r][b];
            // SAFETY: 2. — `qs` is 64 bytes, `lane_sums` 16 i32, `d` 16 f32.
            let (av, sums, da) = unsafe {
                (
                    _mm512_loadu_si512(a.qs.as_ptr().cast()),
                    _mm512_loadu_si512(a.lane_sums.as_ptr().cast()),
                    _mm512_loadu_ps(a.d.as_ptr()),
                )
            };
            // The weights are stored + 128: subtract 128 × the activations' lane sums.
            let dot = _mm512_sub_epi32(
                _mm512_dpbusd_epi32(zero, wq, av),
                _mm512_slli_epi32::<7>(sums),
            );
            acc[r] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), _mm512_mul_ps(dw, da), acc[r]);
        }
    }
    for r in 0..R {
        res[r] = _mm512_reduce_add_ps(acc[r]);
    }
}
