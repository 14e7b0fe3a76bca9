//! `--format ofd`: the OFD package (GB/T 33190-2016) of a report. Its parts and every
//! reference between them resolve, it is byte-identical across runs, its text is the
//! report's (and the PDF's, by pdftotext), its faces are embedded subsets whose cmap maps
//! every character to the glyph it is set with; `sofd` (an OFD reader we did not write)
//! audits it, finds its text and renders its pages like poppler renders the PDF's.

mod common;

use common::*;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The parts of an OFD package by name.
fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let bytes = std::fs::read(path).expect("read the OFD");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an OFD is a zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.insert(entry.name().to_owned(), data);
    }
    out
}

/// Every element of `xml`: (name without prefix, attributes, text inside).
fn elements(xml: &[u8]) -> Vec<(String, BTreeMap<String, String>, String)> {
    let mut reader = Reader::from_reader(xml);
    let mut out: Vec<(String, BTreeMap<String, String>, String)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            ev @ (Event::Start(_) | Event::Empty(_)) => {
                let empty = matches!(ev, Event::Empty(_));
                let (Event::Start(e) | Event::Empty(e)) = ev else {
                    unreachable!()
                };
                let name = e.local_name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        (
                            a.key.local_name().as_ref().to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs, String::new()));
                if !empty {
                    open.push(out.len() - 1);
                }
            }
            Event::Text(t) => {
                if let Some(&k) = open.last() {
                    out[k].2.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(&k) = open.last() {
                    let s = match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    };
                    out[k].2.push_str(s);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

fn render(yaml: &Path, dir: &Path, formats: &str) -> PathBuf {
    report()
        .args(["render", "--format", formats, "-q", "-o"])
        .arg(dir)
        .arg(yaml)
        .assert()
        .success();
    dir.join(format!("{}.ofd", yaml.file_stem().unwrap().to_string_lossy()))
}

/// The text of every `TextCode`, in order, per page.
fn page_texts(parts: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut pages: Vec<(usize, String)> = parts
        .iter()
        .filter_map(|(name, data)| {
            let n: usize = name
                .strip_prefix("Doc_0/Pages/Page_")?
                .strip_suffix("/Content.xml")?
                .parse()
                .ok()?;
            let text: String = elements(data)
                .into_iter()
                .filter(|(e, _, _)| e == "TextCode")
                .map(|(_, _, t)| t)
                .collect();
            Some((n, text))
        })
        .collect();
    pages.sort();
    pages.into_iter().map(|(_, t)| t).collect()
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect()
}

#[test]
fn every_part_and_reference_of_the_package_resolves_and_reruns_are_identical() {
    let dir = tempfile::tempdir().unwrap();
    let ofd = render(&seed_yaml(), dir.path(), "ofd");
    let first = std::fs::read(&ofd).unwrap();
    let again = tempfile::tempdir().unwrap();
    let second = std::fs::read(render(&seed_yaml(), again.path(), "pdf,ofd")).unwrap();
    assert_eq!(
        first, second,
        "the same report gives the same OFD, alone or with the PDF"
    );

    let parts = parts(&ofd);
    let entry = elements(&parts["OFD.xml"]);
    let text_of = |name: &str| {
        entry
            .iter()
            .find(|(e, _, _)| e == name)
            .map(|(_, _, t)| t.clone())
            .unwrap_or_default()
    };
    assert_eq!(text_of("DocRoot"), "Doc_0/Document.xml");
    let doc_id = text_of("DocID");
    assert!(
        doc_id.len() == 32 && doc_id.chars().all(|c| c.is_ascii_hexdigit()),
        "{doc_id}"
    );
    assert!(text_of("Title").contains("重庆市2014年政府信息公开工作情况"));
    assert_eq!(text_of("Author"), "重庆市人民政府办公厅");
    assert_eq!(text_of("CreationDate"), "2015-01-01");

    let document = elements(&parts["Doc_0/Document.xml"]);
    let max_id: u32 = document
        .iter()
        .find(|(e, _, _)| e == "MaxUnitID")
        .map(|(_, _, t)| t.parse().unwrap())
        .unwrap();
    let physical = document.iter().find(|(e, _, _)| e == "PhysicalBox").unwrap();
    assert_eq!(physical.2, "0 0 210 297", "A4 in millimetres");
    let public = document.iter().find(|(e, _, _)| e == "PublicRes").unwrap();
    assert!(parts.contains_key(&format!("Doc_0/{}", public.2)));
    let pages: Vec<&BTreeMap<String, String>> = document
        .iter()
        .filter(|(e, _, _)| e == "Page")
        .map(|(_, a, _)| a)
        .collect();
    assert_eq!(pages.len(), 9, "the seed's nine pages");

    let res = elements(&parts["Doc_0/PublicRes.xml"]);
    let base = &res.iter().find(|(e, _, _)| e == "Res").unwrap().1["BaseLoc"];
    let fonts: BTreeMap<String, String> = res
        .iter()
        .filter(|(e, _, _)| e == "Font")
        .map(|(_, a, _)| a["ID"].clone())
        .zip(
            res.iter()
                .filter(|(e, _, _)| e == "FontFile")
                .map(|(_, _, t)| t.clone()),
        )
        .collect();
    assert!(fonts.len() >= 3, "{fonts:?}");
    for file in fonts.values() {
        assert!(parts.contains_key(&format!("Doc_0/{base}/{file}")), "{file}");
    }

    // Every ID once, none above MaxUnitID; every text names a declared font.
    let mut ids = BTreeSet::new();
    let mut all_ids: Vec<u32> = fonts.keys().map(|k| k.parse().unwrap()).collect();
    for page in &pages {
        all_ids.push(page["ID"].parse().unwrap());
        let content = &parts[&format!("Doc_0/{}", page["BaseLoc"])];
        for (name, attrs, _) in elements(content) {
            if let Some(id) = attrs.get("ID") {
                all_ids.push(id.parse().unwrap());
            }
            if name == "TextObject" {
                assert!(fonts.contains_key(&attrs["Font"]), "{attrs:?}");
            }
        }
    }
    for id in all_ids {
        assert!(ids.insert(id), "ID {id} twice");
        assert!(id <= max_id, "ID {id} above MaxUnitID {max_id}");
    }
    // Zip entries carry the report's date, not the time of the run.
    let zip = zip::ZipArchive::new(std::io::Cursor::new(first)).unwrap();
    for i in 0..zip.len() {
        let mut zip = zip.clone();
        let e = zip.by_index(i).unwrap();
        let t = e.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (2015, 1, 1), "{}", e.name());
    }
}

#[test]
fn ofd_core_reads_every_page_and_resource_and_finds_no_problem() {
    // ofd-core (crates.io), a reader we did not write: its conformance check of the
    // container and structure, then every page and the public resources loaded through it.
    let dir = tempfile::tempdir().unwrap();
    for yaml in [seed_yaml(), root().join("reports/yunxi-2021.yaml")] {
        let ofd = render(&yaml, dir.path(), "ofd");
        let report = ofd_core::check_path(&ofd);
        assert!(
            report.problems.is_empty() && report.conforms(),
            "{}: {:?}",
            yaml.display(),
            report.problems
        );
        let mut reader = ofd_core::OfdReader::open(&ofd).expect("ofd-core opens it");
        assert_eq!(reader.ofd().doc_bodies.len(), 1);
        let body = reader.ofd().doc_bodies[0].clone();
        let doc = reader.load_document(&body).expect("Document.xml");
        assert!(!doc.pages().is_empty());
        for page in doc.pages().to_vec() {
            let loaded = reader.load_page(&doc, &page).expect("each page loads");
            assert!(!loaded.is_blank(), "page {} has content", page.id);
        }
        for loc in doc.public_res().to_vec() {
            let res = reader.load_resource(&doc, &loc).expect("PublicRes.xml loads");
            assert!(!res.children.is_empty(), "the fonts are declared");
        }
    }
}

#[test]
fn the_text_is_the_reports_text_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let ofd = render(&seed_yaml(), dir.path(), "ofd");
    let pages = page_texts(&parts(&ofd));
    // Each page carries its number, as the PDF does (「— 1 —」).
    let number = regex::Regex::new(r"—\s*(\d+)\s*—").unwrap();
    for (k, page) in pages.iter().enumerate() {
        let numbers: Vec<String> = number.captures_iter(page).map(|c| c[1].to_owned()).collect();
        assert_eq!(numbers, [(k + 1).to_string()], "page {}", k + 1);
    }
    let text = compact(&number.replace_all(&pages.concat(), ""));
    // Each paragraph of the seed as published, in order.
    let seed = seed_text();
    let mut at = 0;
    for piece in seed
        .split(['\n', ' ', '\u{a0}', '\u{3000}'])
        .map(compact)
        .filter(|p| !p.is_empty())
    {
        let found = text[at..].find(&piece);
        assert!(found.is_some(), "not in the OFD's text (in order): {piece}");
        at += found.unwrap_or(0) + piece.len();
    }
}

#[test]
fn each_face_is_an_embedded_subset_whose_cmap_sets_its_characters() {
    let dir = tempfile::tempdir().unwrap();
    let ofd = render(&root().join("reports/yunxi-2021.yaml"), dir.path(), "ofd");
    let parts = parts(&ofd);
    let res = elements(&parts["Doc_0/PublicRes.xml"]);
    let files: BTreeMap<String, String> = res
        .iter()
        .filter(|(e, _, _)| e == "Font")
        .map(|(_, a, _)| a["ID"].clone())
        .zip(
            res.iter()
                .filter(|(e, _, _)| e == "FontFile")
                .map(|(_, _, t)| t.clone()),
        )
        .collect();
    // Per font: character → glyph, from every text set with it one to one.
    let mut used: BTreeMap<String, BTreeMap<char, u16>> = BTreeMap::new();
    for (name, data) in &parts {
        if !name.ends_with("Content.xml") {
            continue;
        }
        let els = elements(data);
        let mut k = 0;
        while k < els.len() {
            if els[k].0 == "TextObject" {
                let font = els[k].1["Font"].clone();
                let mut transforms = Vec::new();
                let mut code = String::new();
                let mut j = k + 1;
                while j < els.len() && els[j].0 != "TextObject" {
                    match els[j].0.as_str() {
                        "CGTransform" => transforms.push(els[j].1.clone()),
                        "Glyphs" => {
                            let glyphs: Vec<u16> = els[j].2.split(' ').map(|g| g.parse().unwrap()).collect();
                            if let Some(t) = transforms.last_mut() {
                                t.insert("glyphs".into(), format!("{glyphs:?}"));
                            }
                        }
                        "TextCode" => code = els[j].2.clone(),
                        _ => {}
                    }
                    j += 1;
                }
                let chars: Vec<char> = code.chars().collect();
                for t in transforms {
                    let (pos, count, glyphs): (usize, usize, usize) = (
                        t["CodePosition"].parse().unwrap(),
                        t["CodeCount"].parse().unwrap(),
                        t["GlyphCount"].parse().unwrap(),
                    );
                    if count == glyphs {
                        let ids: Vec<u16> = t["glyphs"]
                            .trim_matches(['[', ']'])
                            .split(", ")
                            .map(|g| g.parse().unwrap())
                            .collect();
                        for (c, g) in chars[pos..pos + count].iter().zip(ids) {
                            used.entry(font.clone()).or_default().entry(*c).or_insert(g);
                        }
                    }
                }
                k = j;
            } else {
                k += 1;
            }
        }
    }
    assert!(!used.is_empty());
    for (font, chars) in &used {
        let data = &parts[&format!("Doc_0/Res/{}", files[font])];
        // Subsets: the bundled faces are megabytes (a CJK collection 20 MB and more).
        assert!(data.len() < 600_000, "{} is {} bytes", files[font], data.len());
        let face = ttf_parser::Face::parse(data, 0).expect("the embedded face parses");
        assert!(face.number_of_glyphs() as usize <= chars.len() + 8);
        for (c, g) in chars {
            assert_eq!(
                face.glyph_index(*c).map(|g| g.0),
                Some(*g),
                "{}: {c:?} is set with glyph {g}",
                files[font]
            );
        }
    }
}

#[test]
fn batch_writes_the_ofd_and_lists_it_in_the_manifest_and_a_bad_report_writes_none() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(seed_yaml(), input.join("seed.yaml")).unwrap();
    let out = dir.path().join("out");
    report()
        .args(["batch", "--format", "pdf,ofd", "-q", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    assert!(out.join("seed.ofd").is_file());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("seed.ofd"), "{manifest}");

    let (bad_dir, bad) = scratch_with("bad.yaml", "issuer: 某区人民政府\nyear: 2024\nparts: 3\n");
    report()
        .args(["render", "--format", "ofd", "-o"])
        .arg(bad_dir.path())
        .arg(&bad)
        .assert()
        .code(2);
    assert!(!bad_dir.path().join("bad.ofd").exists());
}

// ---- Readers we did not write -------------------------------------------------------------

/// A grey page from a PNG file.
fn grey(path: &Path) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut out = Vec::with_capacity(w * h);
    for px in buf[..info.buffer_size()].chunks(channels) {
        let v = match channels {
            1 | 2 => px[0],
            _ => ((u32::from(px[0]) * 299 + u32::from(px[1]) * 587 + u32::from(px[2]) * 114) / 1000) as u8,
        };
        out.push(v);
    }
    (w, h, out)
}

/// The share of pixels that differ by more than a quarter of the grey range once both
/// pages are blurred over 3×3 pixels: two rasterizers antialias one glyph differently at
/// its edges, which the blur evens out; a glyph missing or a line moved by a pixel or two
/// does not even out. `shift` moves the first page right by that many pixels (to show the
/// measure catches a misplacement).
fn difference(a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>), shift: usize) -> f64 {
    assert_eq!((a.0, a.1), (b.0, b.1), "page sizes");
    let (w, h) = (a.0, a.1);
    let blur = |img: &[u8], shift: usize| -> Vec<i32> {
        let at = |x: usize, y: usize| -> i32 {
            if x < shift {
                255
            } else {
                i32::from(img[y * w + x - shift])
            }
        };
        let mut out = vec![255; w * h];
        for y in 1..h - 1 {
            for x in 1..w - 1 {
                let mut s = 0;
                for dy in 0..3 {
                    for dx in 0..3 {
                        s += at(x + dx - 1, y + dy - 1);
                    }
                }
                out[y * w + x] = s / 9;
            }
        }
        out
    };
    let (pa, pb) = (blur(&a.2, shift), blur(&b.2, 0));
    let differing = pa.iter().zip(&pb).filter(|(x, y)| (**x - **y).abs() > 64).count();
    differing as f64 / (w * h) as f64
}

#[test]
#[ignore = "needs sofd (cargo install sofd-cli) and poppler-utils; .ci/run installs them"]
fn sofd_audits_the_package_finds_its_text_and_renders_it_as_poppler_renders_the_pdf() {
    if !have_tool("sofd") || !have_tool("pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let seed = render(&seed_yaml(), dir.path(), "pdf,ofd");
    let audit = Command::new("sofd").arg("audit").arg(&seed).output().unwrap();
    let said = String::from_utf8_lossy(&audit.stdout).into_owned() + &String::from_utf8_lossy(&audit.stderr);
    assert!(audit.status.success() && !said.contains("[error]"), "{said}");
    let info = Command::new("sofd").arg("info").arg(&seed).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(
        info.contains("Pages: 9") && info.contains("Embedded fonts:"),
        "{info}"
    );
    // sofd-search 0.5.2 panics cutting its snippet of Chinese text at a byte that is not a
    // character's boundary, so the needle is a number of the seed's (「公开财政信息6721条」,
    // on its second page).
    let search = Command::new("sofd")
        .arg("search")
        .arg(&seed)
        .arg("6721")
        .output()
        .unwrap();
    let found = String::from_utf8_lossy(&search.stdout).into_owned();
    assert!(
        search.status.success() && found.contains("page 1: 6721"),
        "{found}"
    );

    // Every page of two reports (text only; tables), OFD by sofd and PDF by pdftoppm at
    // 72 dpi, side by side in target/ofd-compare/ for a person to look at.
    let shown = root().join("target/ofd-compare");
    std::fs::create_dir_all(&shown).unwrap();
    let yunxi = render(&root().join("reports/yunxi-2021.yaml"), dir.path(), "pdf,ofd");
    for ofd in [seed, yunxi] {
        let stem = ofd.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = ofd.with_extension("pdf");
        let prefix = dir.path().join(format!("{stem}-pdf"));
        assert!(
            Command::new("pdftoppm")
                .args(["-png", "-r", "72"])
                .arg(&pdf)
                .arg(&prefix)
                .status()
                .unwrap()
                .success()
        );
        let mut pdf_pages: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{stem}-pdf-"))
            })
            .collect();
        pdf_pages.sort();
        assert!(!pdf_pages.is_empty());
        for (k, pdf_page) in pdf_pages.iter().enumerate() {
            let ofd_page = dir.path().join(format!("{stem}-ofd-{k}.png"));
            let status = Command::new("sofd")
                .args(["render", "--dpi", "72", "--page", &k.to_string(), "-o"])
                .arg(&ofd_page)
                .arg(&ofd)
                .output()
                .unwrap();
            assert!(
                status.status.success(),
                "{}",
                String::from_utf8_lossy(&status.stderr)
            );
            let (a, b) = (grey(&ofd_page), grey(pdf_page));
            let d = difference(&a, &b, 0);
            // sofd draws no stroke on text, so Typst's synthesized bold (table heads in a
            // face without a bold) looks regular there: up to about 1.2 % of a page of
            // table heads; a page of text differs by 0.1 % at most.
            assert!(
                d < 0.02,
                "{stem} page {}: {:.3} % of the pixels differ",
                k + 1,
                d * 100.0
            );
            // The measure sees a misplacement: the same page moved by 3 pixels.
            let moved = difference(&a, &b, 3);
            assert!(
                moved > 2.0 * d && moved > 0.0005,
                "{stem} page {}: moved {moved}",
                k + 1
            );
            let side = shown.join(format!("{stem}-{}.ppm", k + 1));
            let mut ppm = format!("P5\n{} {}\n255\n", a.0 * 2 + 8, a.1).into_bytes();
            for y in 0..a.1 {
                ppm.extend_from_slice(&a.2[y * a.0..(y + 1) * a.0]);
                ppm.extend_from_slice(&[128; 8]);
                ppm.extend_from_slice(&b.2[y * b.0..(y + 1) * b.0]);
            }
            std::fs::write(side, ppm).unwrap();
        }
    }
}

#[test]
#[ignore = "needs poppler-utils (pdftotext); .ci/run installs it"]
fn the_ofds_text_is_the_pdfs_text() {
    if !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for yaml in [seed_yaml(), root().join("reports/yunxi-2021.yaml")] {
        let ofd = render(&yaml, dir.path(), "pdf,ofd");
        let out = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(ofd.with_extension("pdf"))
            .arg("-")
            .output()
            .unwrap();
        let pdf: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .split('\u{c}')
            .map(compact)
            .filter(|p| !p.is_empty())
            .collect();
        let ofd: Vec<String> = page_texts(&parts(&ofd)).iter().map(|t| compact(t)).collect();
        assert_eq!(ofd.len(), pdf.len(), "pages");
        for (k, (o, p)) in ofd.iter().zip(&pdf).enumerate() {
            let (mut o, mut p): (Vec<char>, Vec<char>) = (o.chars().collect(), p.chars().collect());
            // pdftotext -raw gives a page's text in content order, as the OFD does; compare
            // as sets of characters where the order of table cells differs.
            o.sort_unstable();
            p.sort_unstable();
            assert_eq!(o, p, "{} page {}", yaml.display(), k + 1);
        }
    }
}

#[test]
#[ignore = "needs Python easyofd (pip install easyofd); .ci/run installs it"]
fn easyofd_opens_it_and_extracts_its_text() {
    let found = Command::new("python3").args(["-c", "import easyofd"]).output();
    if !found.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "easyofd is missing; .ci/run installs it"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ofd = render(&seed_yaml(), dir.path(), "ofd");
    // easyofd's OFD().read takes the file as base64 and gives each page's text objects.
    let script = r#"
import base64, sys
from easyofd import OFD
o = OFD()
o.read(base64.b64encode(open(sys.argv[1], 'rb').read()).decode(), save_xml=False)
out = []
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == 'text' and isinstance(v, str):
                out.append(v)
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(o.data)
sys.stdout.write(''.join(out))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&ofd)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = compact(&String::from_utf8_lossy(&out.stdout));
    let ours = compact(&page_texts(&parts(&ofd)).concat());
    // easyofd keeps each page's text in more than one of its structures (and prints some
    // of its own state on stdout): the OFD's whole text is there, in order.
    assert!(
        ours.len() > 10_000 && text.contains(&ours),
        "easyofd's text ({} bytes) does not hold the OFD's ({} bytes)",
        text.len(),
        ours.len()
    );
}
