using System.Security.Cryptography;

namespace Collab.Portal;

/// <summary>
/// Hands out a document's stored content while hashing it, and fails at the end when the content is not what was
/// stored (another SHA-256 or size), so a reader never takes altered content for the original.
/// </summary>
internal sealed class VerifyingStream(Stream inner, string sha256, long size, string name) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => size;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Check(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _read += bytes.Length;
        if ((bytes.Length == 0 || _read > size) && !_verified)
        {
            _verified = true;
            if (_read != size || Convert.ToHexStringLower(_hash.GetCurrentHash()) != sha256)
            {
                throw Refuse.Rule("document.corrupt", $"The stored content of '{name}' is not what was uploaded (checksum mismatch): do not use it; ask for the document again.", "SHARE-7");
            }
        }

        return bytes.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
