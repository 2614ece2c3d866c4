//! A deterministic generator of large labelled corpora for benchmarks and
//! load tests.
//!
//! It does not invent personal data: it recombines hand-written labelled
//! records (the bundled corpus, whose identity numbers come from
//! Skatteverket's test list) into longer posts and threads, shifting the
//! gold spans with them. The same seed always gives the same output.

use crate::eval::{GoldEntity, GoldRecord};

/// SplitMix64: tiny, fast, and stable across platforms and versions.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Yields `count` records, each one to four pool records joined as one post
/// or thread, with gold spans shifted to match.
///
/// # Example
/// ```
/// use postvakt::{eval::GoldRecord, generate::generate};
/// let pool = vec![GoldRecord { id: "a".into(), text: "Hej".into(), entities: vec![], image: None, tags: vec![] }];
/// let out: Vec<_> = generate(&pool, 3, 7).collect();
/// assert_eq!(out.len(), 3);
/// assert_eq!(out[0].id, "gen-7-1");
/// ```
pub fn generate(
    pool: &[GoldRecord],
    count: usize,
    seed: u64,
) -> impl Iterator<Item = GoldRecord> + '_ {
    let mut rng = SplitMix64::new(seed);
    (1..=count).filter_map(move |i| {
        if pool.is_empty() {
            return None;
        }
        let parts = 1 + rng.below(4);
        let mut text = String::new();
        let mut entities = Vec::new();
        for p in 0..parts {
            let src = &pool[rng.below(pool.len())];
            if p > 0 {
                text.push_str(if rng.below(2) == 0 { "\n\n" } else { " " });
            }
            let offset = text.len();
            text.push_str(&src.text);
            entities.extend(src.entities.iter().map(|e| GoldEntity {
                start: e.start + offset,
                end: e.end + offset,
                ..e.clone()
            }));
        }
        Some(GoldRecord {
            image: None,
            tags: Vec::new(),
            id: format!("gen-{seed}-{i}"),
            text,
            entities,
        })
    })
}
