//! The three crates patched under `patches/` (see patches/README.md) keep their promises:
//! a subset made through subsetter's `GlyphCache` is byte-identical to one made without it,
//! whatever was cached before; typst-library's `Font` is told apart by its fingerprint as it
//! was by its bytes; and `FontInfo::new_without_coverage` differs from `FontInfo::new` only
//! in the coverage.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use subsetter::{GlyphCache, GlyphRemapper};
use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};

fn font_file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn remapper(glyphs: &[u16]) -> GlyphRemapper {
    let mut remapper = GlyphRemapper::new();
    for &g in glyphs {
        remapper.remap(g);
    }
    remapper
}

#[test]
fn a_cached_subset_is_the_uncached_subset() {
    // FandolFang (a CID-keyed CFF face, the body font) and a TrueType face.
    for (file, index) in [("FandolFang-Regular.otf", 0), ("LiberationSerif-Regular.ttf", 0)] {
        let data = font_file(file);
        let cache = GlyphCache::default();
        // Overlapping glyph sets in different orders, as two documents give them.
        let sets: [&[u16]; 3] = [&[5, 900, 31, 2000, 77], &[2000, 31, 4000, 5, 1234], &[77, 5]];
        let count = ttf_parser::Face::parse(&data, index)
            .expect("face")
            .number_of_glyphs();
        for glyphs in sets {
            let glyphs: Vec<u16> = glyphs.iter().map(|g| g % count).collect();
            let mapper = remapper(&glyphs);
            let plain = subsetter::subset(&data, index, &mapper).expect("subset");
            let cached =
                subsetter::subset_with_cache(&data, index, &[], &mapper, &cache).expect("cached subset");
            assert!(plain == cached, "{file}: the cached subset of {glyphs:?} differs");
        }
    }
}

fn hash(font: &Font) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    font.hash(&mut h);
    h.finish()
}

#[test]
fn fonts_are_told_apart_by_their_fingerprint() {
    let ttc = font_file("NotoSansCJK-Regular.ttc");
    // The same face from two separate copies of the data: equal, same hash.
    let a = Font::new(Bytes::new(ttc.clone()), 2).expect("face 2");
    let b = Font::new(Bytes::new(ttc.clone()), 2).expect("face 2");
    assert!(a == b);
    assert_eq!(hash(&a), hash(&b));
    // Another face of the same collection, sharing most tables: different.
    let c = Font::new(Bytes::new(ttc.clone()), 3).expect("face 3");
    assert!(a != c);
    assert_ne!(hash(&a), hash(&c));
    // The same face index of another collection: different.
    let other = Font::new(Bytes::new(font_file("NotoSerifCJK-Regular.ttc")), 2).expect("face");
    assert!(a != other);
    // with_info gives the font Font::new gives.
    let info = a.info().clone();
    let d = Font::with_info(Bytes::new(ttc), 2, info).expect("face 2");
    assert!(a == d);
    assert_eq!(a.info(), d.info());
}

#[test]
fn info_without_coverage_is_the_info_but_its_coverage() {
    for (file, index) in [
        ("NotoSerifCJK-Bold.ttc", 2),
        ("FandolFang-Regular.otf", 0),
        ("gkai00mp.ttf", 0),
        ("LiberationSerif-Regular.ttf", 0),
    ] {
        let data = font_file(file);
        let full = FontInfo::new(&data, index).expect("info");
        let cheap = FontInfo::new_without_coverage(&data, index).expect("info");
        assert_eq!(full.family, cheap.family, "{file}");
        assert_eq!(full.variant, cheap.variant, "{file}");
        assert_eq!(full.flags, cheap.flags, "{file}");
        assert!(full.coverage.contains('0' as u32), "{file}");
        assert!(!cheap.coverage.contains('0' as u32), "{file}");
    }
}
