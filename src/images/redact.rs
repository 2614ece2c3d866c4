//! A redacted copy: every box filled, every metadata field gone.
//!
//! The copy is re-encoded from the decoded pixels, and the encoders are
//! given no metadata, so EXIF, XMP, ICC-embedded text and PNG text chunks of
//! the original are never carried over.

use std::io::Cursor;
use std::path::Path;

use super::{ImageError, LoadedImage};
use crate::BBox;

/// The format of the redacted copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// PNG (lossless; keeps transparency).
    Png,
    /// JPEG, quality 90.
    Jpeg,
    /// Lossless WebP.
    WebP,
    /// BMP.
    Bmp,
    /// TIFF.
    Tiff,
    /// GIF (one frame).
    Gif,
}

impl OutputFormat {
    /// The format an output path's extension asks for.
    pub fn from_path(path: &Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "png" => OutputFormat::Png,
            "jpg" | "jpeg" => OutputFormat::Jpeg,
            "webp" => OutputFormat::WebP,
            "bmp" => OutputFormat::Bmp,
            "tif" | "tiff" => OutputFormat::Tiff,
            "gif" => OutputFormat::Gif,
            _ => return None,
        })
    }

    /// The same format as a decoded image's (`png`, `jpeg`...).
    pub fn like(format: &str) -> OutputFormat {
        match format {
            "jpeg" => OutputFormat::Jpeg,
            "webp" => OutputFormat::WebP,
            "bmp" => OutputFormat::Bmp,
            "tiff" => OutputFormat::Tiff,
            "gif" => OutputFormat::Gif,
            _ => OutputFormat::Png,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Png => "png",
            OutputFormat::Jpeg => "jpg",
            OutputFormat::WebP => "webp",
            OutputFormat::Bmp => "bmp",
            OutputFormat::Tiff => "tiff",
            OutputFormat::Gif => "gif",
        }
    }
}

/// Pixels added around each box, so anti-aliased edges of letters go too.
const PAD: u32 = 3;

/// Encodes a copy of `image` with each box (plus a small margin) filled
/// black, without any metadata.
pub fn redact(
    image: &LoadedImage,
    boxes: &[BBox],
    format: OutputFormat,
) -> Result<Vec<u8>, ImageError> {
    let mut rgba = image.pixels.to_rgba8();
    let (w, h) = rgba.dimensions();
    for b in boxes {
        let x0 = b.x.saturating_sub(PAD).min(w);
        let y0 = b.y.saturating_sub(PAD).min(h);
        let x1 = b.x.saturating_add(b.width).saturating_add(PAD).min(w);
        let y1 = b.y.saturating_add(b.height).saturating_add(PAD).min(h);
        for y in y0..y1 {
            for x in x0..x1 {
                rgba.put_pixel(x, y, image::Rgba([0, 0, 0, 255]));
            }
        }
    }
    let mut out = Vec::new();
    let mut cursor = Cursor::new(&mut out);
    let written = match format {
        // JPEG has no alpha channel, and BMP's is poorly supported.
        OutputFormat::Jpeg => image::codecs::jpeg::JpegEncoder::new_with_quality(&mut cursor, 90)
            .encode_image(&image::DynamicImage::ImageRgba8(rgba).to_rgb8()),
        OutputFormat::Bmp => image::DynamicImage::ImageRgba8(rgba)
            .to_rgb8()
            .write_to(&mut cursor, image::ImageFormat::Bmp),
        OutputFormat::Png => rgba.write_to(&mut cursor, image::ImageFormat::Png),
        OutputFormat::WebP => rgba.write_to(&mut cursor, image::ImageFormat::WebP),
        OutputFormat::Tiff => rgba.write_to(&mut cursor, image::ImageFormat::Tiff),
        OutputFormat::Gif => rgba.write_to(&mut cursor, image::ImageFormat::Gif),
    };
    written.map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{load, metadata, ImageLimits};

    #[test]
    fn boxes_are_filled_and_metadata_is_gone() {
        // A white PNG carrying an author and a comment.
        let white = image::RgbaImage::from_pixel(40, 30, image::Rgba([255, 255, 255, 255]));
        let mut png = Vec::new();
        white
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let mut text = (b"Author\0Kalle Anka".len() as u32).to_be_bytes().to_vec();
        text.extend_from_slice(b"tEXtAuthor\0Kalle Anka\0\0\0\0");
        png.splice(33..33, text);
        assert_eq!(metadata::read(&png).len(), 1);

        let img = load(&png, &ImageLimits::default()).unwrap();
        let b = BBox {
            x: 10,
            y: 10,
            width: 5,
            height: 5,
        };
        for format in [
            OutputFormat::Png,
            OutputFormat::Jpeg,
            OutputFormat::WebP,
            OutputFormat::Bmp,
            OutputFormat::Tiff,
            OutputFormat::Gif,
        ] {
            let out = redact(&img, &[b], format).unwrap();
            assert!(metadata::read(&out).is_empty(), "{format:?}");
            let back = load(&out, &ImageLimits::default())
                .unwrap()
                .pixels
                .to_luma8();
            assert!(back.get_pixel(12, 12)[0] < 40, "{format:?} box filled");
            assert!(
                back.get_pixel(10 - PAD, 10 - PAD)[0] < 40,
                "{format:?} margin"
            );
            assert!(back.get_pixel(30, 25)[0] > 200, "{format:?} rest kept");
        }
        // Boxes partly outside the image are clipped.
        let edge = BBox {
            x: 35,
            y: 25,
            width: 100,
            height: 100,
        };
        redact(&img, &[edge], OutputFormat::Png).unwrap();
    }

    #[test]
    fn formats_from_paths() {
        assert_eq!(
            OutputFormat::from_path(Path::new("a/b.JPG")),
            Some(OutputFormat::Jpeg)
        );
        assert_eq!(OutputFormat::from_path(Path::new("b.heic")), None);
        assert_eq!(OutputFormat::like("webp").extension(), "webp");
    }
}
