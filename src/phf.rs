//! A perfect hash map of strings to flags, built by `build.rs` at compile time
//! (hash and displace, as in CHD): one hash of the key picks a bucket and
//! two numbers; the bucket's displacement turns them into the one slot the
//! key can be in, and one comparison says whether it is there. No table is
//! filled at start-up.
//!
//! This file is also compiled into `build.rs` (`#[path]`), which builds the
//! tables with [`build`]: keep it free of crate imports.

/// Eight bytes at a time, each block mixed by a multiply, then a
/// finalizer (murmur3's). Words are short: one or two blocks.
#[inline]
pub fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (key.len() as u64).wrapping_mul(K);
    let mut blocks = key.chunks_exact(8);
    for b in &mut blocks {
        let x = u64::from_le_bytes(b.try_into().expect("eight bytes"));
        h = (h ^ x).wrapping_mul(K).rotate_left(31);
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        // The length is mixed in above, so every byte still counts.
        h = (h ^ tail_word(rest)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The last one to seven bytes of a key as one number, from two
/// overlapping reads rather than a copy into a padded block (a `memcpy`
/// call per key). Every byte counts; keys of different lengths may give the
/// same number, so the caller mixes the length in.
#[inline]
pub fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
        let hi = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes"));
        u64::from(lo) | u64::from(hi) << 32
    } else {
        u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
    }
}

/// The slot of a key with hash `h` under displacement `d`, in `n` slots
/// (`n` a power of two: masks, no division).
#[inline]
fn slot(h: u64, d: u32, n: usize) -> usize {
    let mask = n as u64 - 1;
    let bits = n.trailing_zeros();
    let (f1, f2) = ((h >> 32) & mask, (h & 0xffff_ffff) | 1);
    let (d0, d1) = (u64::from(d) >> bits, u64::from(d) & mask);
    (f1.wrapping_add(d0.wrapping_mul(f2)).wrapping_add(d1) & mask) as usize
}

/// A map from strings to a byte (flags), with one possible slot per key.
#[derive(Debug)]
pub struct Map {
    /// Per bucket, the seed of the second hash.
    pub disps: &'static [u32],
    /// The keys by slot; empty strings are free slots.
    pub keys: &'static [&'static str],
    /// By slot: the key's hash tag (its top eight bits) above its value,
    /// so a word that is no key is mostly turned away without reading the
    /// key itself.
    pub entries: &'static [u16],
}

/// The tag of a hash, stored above the value in [`Map::entries`].
#[inline]
pub fn tag(h: u64) -> u16 {
    (h >> 56) as u16
}

impl Map {
    /// The value of `key`, 0 when it is absent.
    #[inline]
    pub fn get(&self, key: &str) -> u8 {
        if self.keys.is_empty() || key.is_empty() {
            return 0;
        }
        let h = hash(key.as_bytes());
        let b = (h >> 7) as usize & (self.disps.len() - 1);
        let s = slot(h, self.disps[b], self.keys.len());
        let entry = self.entries[s];
        if entry >> 8 == tag(h) && self.keys[s] == key {
            entry as u8
        } else {
            0
        }
    }
}

/// Builds the tables for `keys` (distinct, non-empty): per bucket a
/// displacement, and the keys by slot.
#[allow(dead_code)]
pub fn build(keys: &[String]) -> (Vec<u32>, Vec<String>) {
    // Powers of two, so lookups mask instead of dividing.
    let n = keys.len().max(1).next_power_of_two();
    let buckets = n.div_ceil(4).next_power_of_two();
    let mut by_bucket: Vec<Vec<&String>> = vec![Vec::new(); buckets];
    for k in keys {
        by_bucket[(hash(k.as_bytes()) >> 7) as usize & (buckets - 1)].push(k);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(by_bucket[b].len()));
    let mut disps = vec![0u32; buckets];
    let mut slots: Vec<String> = vec![String::new(); n];
    for b in order {
        if by_bucket[b].is_empty() {
            continue;
        }
        'seed: for d in 0u32.. {
            let mut taken = Vec::with_capacity(by_bucket[b].len());
            for k in &by_bucket[b] {
                let s = slot(hash(k.as_bytes()), d, n);
                if !slots[s].is_empty() || taken.contains(&s) {
                    continue 'seed;
                }
                taken.push(s);
            }
            for (k, s) in by_bucket[b].iter().zip(taken) {
                slots[s] = (*k).clone();
            }
            disps[b] = d;
            break;
        }
    }
    (disps, slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_and_no_other() {
        let keys: Vec<String> = (0..3000).map(|i| format!("k{i}")).collect();
        let (disps, slots) = build(&keys);
        let keys_static: Vec<&'static str> = slots
            .iter()
            .map(|s| &*Box::leak(s.clone().into_boxed_str()))
            .collect();
        let entries: Vec<u16> = slots
            .iter()
            .map(|k| tag(hash(k.as_bytes())) << 8 | k.len() as u16)
            .collect();
        let map = Map {
            disps: Box::leak(disps.into_boxed_slice()),
            keys: Box::leak(keys_static.into_boxed_slice()),
            entries: Box::leak(entries.into_boxed_slice()),
        };
        assert!(keys.iter().all(|k| map.get(k) == k.len() as u8));
        assert!(map.get("k3000") == 0 && map.get("") == 0 && map.get("x") == 0);
        let empty = Map {
            disps: &[0],
            keys: &[],
            entries: &[],
        };
        assert_eq!(empty.get("a"), 0);
    }
}
