namespace Collab;

/// <summary>
/// A read-only view that refuses to give more than <c>max</c> bytes: an upload past its limit (SHARE-7), an artefact that claims one size and streams
/// more (a zip bomb, a manifest padded to hundreds of megabytes) is refused after the cap, never read to the end.
/// </summary>
internal sealed class CappedStream(Stream inner, long max, Func<Exception> tooLong) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(Window(buffer.Length) is var n && n < buffer.Length ? buffer[..n] : buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = Window(buffer.Length);
        return Count(await inner.ReadAsync(buffer[..n], cancellationToken).ConfigureAwait(false));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Reads at most one byte past the cap, so "exactly max bytes" and "more than max" can be told apart.
    private int Window(int wanted) => (int)Math.Max(1, Math.Min(wanted, max + 1 - _read));

    private int Count(int read)
    {
        _read += read;
        return _read > max ? throw tooLong() : read;
    }
}
