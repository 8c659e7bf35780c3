using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Collab.Mail.Tests;

/// <summary>What the server received: the parsed message, the envelope, and whether the session ran over TLS and signed in.</summary>
internal sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, bool Secure, string? User, string Raw);

/// <summary>
/// A real SMTP server (SmtpServer) on a free loopback port, started and stopped by the test. It can refuse the first
/// deliveries (to drive the outbox's retries), offer STARTTLS with a self-signed certificate, and require a sign-in.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _refusalsLeft;

    private LoopbackSmtpServer(int port, X509Certificate2? certificate, (string User, string Password)? credentials, int refuseFirst, SmtpReplyCode refusal)
    {
        Port = port;
        Certificate = certificate;
        _refusalsLeft = refuseFirst;
        Refusal = refusal;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false).AllowUnsecureAuthentication(certificate is null);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate); // offered through STARTTLS
                }

                if (credentials is not null)
                {
                    endpoint.AuthenticationRequired();
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (credentials is { } c)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == c.User && password == c.Password));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public X509Certificate2? Certificate { get; }

    public SmtpReplyCode Refusal { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = [];

    public int Refused;

    public static LoopbackSmtpServer Start(bool startTls = false, (string User, string Password)? credentials = null, int refuseFirst = 0, SmtpReplyCode refusal = SmtpReplyCode.ServiceUnavailable) =>
        new(FreePort(), startTls ? SelfSignedCertificate() : null, credentials, refuseFirst, refusal);

    /// <summary>The certificate's SHA-256 fingerprint, as Collab:Mail:TrustedCertificateSha256 takes it.</summary>
    public string CertificateSha256 => Convert.ToHexString(SHA256.HashData(Certificate!.RawData));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        Certificate?.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null); // a key SslStream can use on every platform
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server._refusalsLeft) >= 0)
            {
                Interlocked.Increment(ref server.Refused);
                return Task.FromResult(new SmtpResponse(server.Refusal, "refused by the test server"));
            }

            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var message = MimeMessage.Load(stream, cancellationToken);
            server.Received.Enqueue(new ReceivedMail(message, transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList(),
                context.Pipe.IsSecure, context.Authentication.User, System.Text.Encoding.UTF8.GetString(bytes)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
