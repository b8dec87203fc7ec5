//! OCR of scanned PDFs with Debian's `pdftoppm` (poppler-utils) and `tesseract` (chi_sim),
//! when both are installed. Slow (seconds per page on 2 cores): only on request.

use std::path::Path;
use std::process::Command;

/// Renders each page at 300 dpi and recognises it as simplified Chinese + English.
pub fn ocr_pdf(path: &Path) -> Result<Vec<String>, String> {
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .map_err(|_| {
            "未安装 tesseract（apt-get install tesseract-ocr tesseract-ocr-chi-sim）".to_owned()
        })?;
    if !String::from_utf8_lossy(&langs.stdout)
        .lines()
        .any(|l| l.trim() == "chi_sim")
    {
        return Err(
            "tesseract 缺少 chi_sim 语言包（apt-get install tesseract-ocr-chi-sim）".to_owned(),
        );
    }
    let dir = std::env::temp_dir().join(format!("lvshen-ocr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let prefix = dir.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(path)
        .arg(&prefix)
        .status()
        .map_err(|_| "未安装 pdftoppm（apt-get install poppler-utils）".to_owned())?;
    if !status.success() {
        let _ = std::fs::remove_dir_all(&dir);
        return Err("pdftoppm 无法渲染该 PDF".to_owned());
    }
    let mut images: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    images.sort();
    let mut pages = Vec::new();
    for image in &images {
        let out = Command::new("tesseract")
            .arg(image)
            .arg("stdout")
            .args(["-l", "chi_sim+eng", "--psm", "6"])
            .output()
            .map_err(|e| e.to_string())?;
        pages.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let _ = std::fs::remove_dir_all(&dir);
    if pages.is_empty() {
        return Err("没有渲染出页面".to_owned());
    }
    Ok(pages)
}
