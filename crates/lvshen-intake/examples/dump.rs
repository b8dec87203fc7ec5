//! Prints what the reader sees in a DOCX or PDF: `cargo run -p lvshen-intake --example dump FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    if let Some(page) = std::env::args().nth(2).and_then(|p| p.parse::<u32>().ok()) {
        for r in lvshen_intake::pdf::debug_regions(&bytes, page) {
            println!("{r}");
        }
        return;
    }
    match lvshen_intake::read_bytes(&path, &bytes) {
        Ok(doc) => {
            for b in &doc.blocks {
                match b {
                    lvshen_intake::Block::Paragraph(p) => {
                        println!("[{}] {:?} {}", p.loc.label_zh(), p.heading, p.text)
                    }
                    lvshen_intake::Block::Table(t) => {
                        println!("[表{} {}]", t.index, t.loc.label_zh());
                        for row in &t.rows {
                            let cells: Vec<String> = row
                                .iter()
                                .map(|c| format!("{}{}", if c.spanned { "~" } else { "" }, c.text))
                                .collect();
                            println!("  | {}", cells.join(" | "));
                        }
                    }
                }
            }
            println!("notes: {:?} scanned: {:?}", doc.notes, doc.scanned_pages);
        }
        Err(e) => println!("error: {e}"),
    }
}
