using System.IO.Compression;
using System.Text;
using Collab.Samples.Web;

namespace Collab.Tests.Infrastructure;

/// <summary>Small real documents of every type Collab checks by content (SHARE-14), and look-alikes that only start like one.</summary>
internal static class TestDocuments
{
    /// <summary>A one-page PDF showing the text (ASCII): parses with PdfPig.</summary>
    public static byte[] Pdf(string text) => DemoPdf.Create(text);

    /// <summary>An HTML page behind a PDF header: what a signature check let through.</summary>
    public static byte[] HtmlBehindPdfHeader(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n<html><body><script>alert('{text}')</script></body></html>\n%%EOF\n");

    /// <summary>A well-formed PDF whose page tree has no pages.</summary>
    public static byte[] PdfWithoutPages()
    {
        var head = "%PDF-1.4\n";
        var catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
        var pages = "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        var xref = head.Length + catalog.Length + pages.Length;
        return Encoding.ASCII.GetBytes($"{head}{catalog}{pages}xref\n0 3\n0000000000 65535 f \n{head.Length:D10} 00000 n \n{head.Length + catalog.Length:D10} 00000 n \n"
            + $"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 baseline JPEG's structure: SOI, JFIF, frame header, scan header, a byte of scan data, EOI.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x7F,
        0xFF, 0xD9,
    ];

    /// <summary>An Office Open XML package with the given parts (each a small XML text).</summary>
    public static byte[] Package(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx() => Package("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    public static byte[] Docx() => Package("[Content_Types].xml", "word/document.xml");
}
