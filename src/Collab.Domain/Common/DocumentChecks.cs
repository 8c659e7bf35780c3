using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;

namespace Collab;

/// <summary>
/// A document is what its type says (SHARE-14): every content type Collab accepts has a check of the content itself,
/// not of its first bytes alone. An upload is first read, within its size limit, into a seekable buffer (memory, and a
/// temporary file that deletes itself past <see cref="InMemoryBytes"/>), checked there, and only then stored, so a
/// refused document never reaches the blob store.
/// </summary>
internal static class DocumentChecks
{
    internal const string Pdf = "application/pdf";
    internal const string Png = "image/png";
    internal const string Jpeg = "image/jpeg";
    internal const string Csv = "text/csv";
    internal const string PlainText = "text/plain";
    internal const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    internal const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Uploads up to this size are checked in memory; larger ones in a temporary file.</summary>
    internal const int InMemoryBytes = 8 * 1024 * 1024;

    /// <summary>The types whose content Collab checks, in the order the refusals list them.</summary>
    internal static readonly IReadOnlyList<string> Checked = [Pdf, Png, Jpeg, Csv, PlainText, Xlsx, Docx];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the content, refusing it past <paramref name="max"/> bytes, into a seekable stream positioned at its start; dispose it.</summary>
    internal static async Task<Stream> SpoolAsync(Stream content, long max, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        Stream buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var capped = new CappedStream(content, max, tooLarge);
            int read;
            while ((read = await capped.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer is MemoryStream memory && memory.Length + read > InMemoryBytes)
                {
                    buffer = new FileStream(Path.Combine(Path.GetTempPath(), $"collab-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
                        FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    memory.Position = 0;
                    await memory.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    await memory.DisposeAsync().ConfigureAwait(false);
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// Checks that the content is what <paramref name="type"/> says, or refuses it: a PDF must open with PdfPig and have
    /// at least one page; a PNG is its signature, an IHDR chunk, image data and IEND at the very end; a JPEG is SOI, a
    /// frame header before the scan, and EOI at the end; text and CSV are valid UTF-8 without NUL; XLSX and DOCX are ZIP
    /// packages with their content types and their workbook or document part, and without macros. Leaves the stream at its start.
    /// </summary>
    internal static void Check(string type, Stream content, string fileName, string rule)
    {
        var valid = type switch
        {
            Pdf => IsPdf(content, fileName, rule),
            Png => IsPng(content),
            Jpeg => IsJpeg(content),
            Csv or PlainText => IsUtf8Text(content),
            Xlsx => IsPackage(content, "xl/workbook.xml"),
            Docx => IsPackage(content, "word/document.xml"),
            _ => throw new InvalidOperationException($"No content check for {type}."),
        };
        content.Position = 0;
        if (!valid)
        {
            throw CollabRefusals.DocumentTypeMismatch(rule, type, fileName);
        }
    }

    private static bool IsPdf(Stream content, string fileName, string rule)
    {
        try
        {
            using var document = PdfDocument.Open(new NonClosingStream(content), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages >= 1 && document.GetPage(1) is not null)
            {
                return true;
            }
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            throw CollabRefusals.DocumentPdfPassword(rule, fileName);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws its own format exceptions, and others (index, null reference, argument) on damaged files: all of them mean "not a PDF".
        }

        throw CollabRefusals.DocumentPdfUnreadable(rule, fileName);
    }

    private static bool IsPng(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        if (!ReadExactly(content, head) || !head.SequenceEqual(PngSignature))
        {
            return false;
        }

        var (first, sawData) = (true, false);
        while (ReadExactly(content, head))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(head);
            var kind = Encoding.ASCII.GetString(head[4..]);
            if (length > int.MaxValue || !kind.All(char.IsAsciiLetter) || content.Length - content.Position < length + 4L)
            {
                return false;
            }

            if (first)
            {
                var header = new byte[13];
                if (kind != "IHDR" || length != 13 || !ReadExactly(content, header)
                    || BinaryPrimitives.ReadUInt32BigEndian(header) == 0 || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) == 0
                    || header[8] is not (1 or 2 or 4 or 8 or 16) || header[9] is not (0 or 2 or 3 or 4 or 6))
                {
                    return false;
                }

                content.Seek(4, SeekOrigin.Current); // CRC
                first = false;
                continue;
            }

            sawData |= kind == "IDAT";
            content.Seek(length + 4L, SeekOrigin.Current);
            if (kind == "IEND")
            {
                return length == 0 && sawData && content.Position == content.Length;
            }
        }

        return false;
    }

    private static bool IsJpeg(Stream content)
    {
        if (content.Length < 4 || content.ReadByte() != 0xFF || content.ReadByte() != 0xD8)
        {
            return false;
        }

        var frame = false;
        Span<byte> length = stackalloc byte[2];
        while (true)
        {
            if (content.ReadByte() != 0xFF)
            {
                return false;
            }

            int marker;
            while ((marker = content.ReadByte()) == 0xFF)
            {
                // fill bytes
            }

            if (marker is < 0 or 0x00 or 0xD8 or 0xD9)
            {
                return false; // the end, or an image ends, before any scan
            }

            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                continue; // markers without a length
            }

            if (!ReadExactly(content, length))
            {
                return false;
            }

            var size = BinaryPrimitives.ReadUInt16BigEndian(length);
            if (size < 2 || content.Length - content.Position < size - 2)
            {
                return false;
            }

            frame |= marker is (>= 0xC0 and <= 0xCF) and not (0xC4 or 0xC8 or 0xCC) && size >= 8;
            content.Seek(size - 2, SeekOrigin.Current);
            if (marker == 0xDA)
            {
                return frame && EndsWithEoi(content);
            }
        }
    }

    // After the scan: the image ends with EOI (FF D9); at most a little zero padding may follow it.
    private static bool EndsWithEoi(Stream content)
    {
        var end = content.Length;
        for (var padding = 0; padding < 4096 && end > 2; padding++, end--)
        {
            content.Position = end - 1;
            if (content.ReadByte() != 0x00)
            {
                break;
            }
        }

        content.Position = end - 2;
        return content.ReadByte() == 0xFF && content.ReadByte() == 0xD9;
    }

    private static bool IsUtf8Text(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(16384);
        var chars = ArrayPool<char>.Shared.Rent(16384);
        try
        {
            int read;
            do
            {
                read = content.Read(bytes, 0, 16384);
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            while (read > 0);

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // An Office Open XML package: a ZIP whose directory names its content types and main part; macros are not accepted.
    private static bool IsPackage(Stream content, string mainPart)
    {
        try
        {
            using var package = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains(mainPart)
                && !names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool ReadExactly(Stream content, Span<byte> into)
    {
        var total = 0;
        while (total < into.Length)
        {
            var n = content.Read(into[total..]);
            if (n == 0)
            {
                return false;
            }

            total += n;
        }

        return true;
    }

    /// <summary>PdfPig disposes the stream it was given; the upload's buffer must stay open for storing.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
