using System.Net;
using System.Text.RegularExpressions;

namespace Collab.LoadTest;

/// <summary>
/// One browser's worth of state against one host: its cookies (sign-in, antiforgery) and the antiforgery form token
/// its pages carry. Redirects are not followed, so a write's 302 is its answer.
/// </summary>
internal sealed partial class Session : IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _hosts;
    private int _next;

    // Cookies do not keep ports apart, so one session signed in at one instance is signed in at all of them (the
    // instances share their data-protection keys): each request goes to the next instance, as behind a balancer.
    private Session(IReadOnlyList<Uri> hosts)
    {
        _hosts = hosts;
        _next = Random.Shared.Next(hosts.Count);
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    private Uri Next(string path) => new(_hosts[(int)((uint)Interlocked.Increment(ref _next) % (uint)_hosts.Count)], path);

    public string? FormToken { get; private set; }

    public static Session Anonymous(IReadOnlyList<Uri> hosts) => new(hosts);

    /// <summary>Signs in through the demo's sign-in form, then reads a page for a form token bound to the signed-in user.</summary>
    public static async Task<Session> SignInAsync(IReadOnlyList<Uri> hosts, string email, string home)
    {
        var session = new Session(hosts);
        await session.GetAsync("/");
        var login = await session.PostAsync("/login", new Dictionary<string, string> { ["email"] = email });
        if (login.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)login.Status}.");
        }

        var page = await session.GetAsync(home);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{home} for {email} answered {(int)page.Status}.");
        }

        return session;
    }

    public async Task<Answer> GetAsync(string path)
    {
        using var response = await _http.GetAsync(Next(path));
        var body = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(body) is { Success: true } match)
        {
            FormToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return new Answer(response.StatusCode, body);
    }

    public async Task<Answer> PostAsync(string path, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []);
        if (FormToken is not null)
        {
            form["__RequestVerificationToken"] = FormToken;
        }

        using var response = await _http.PostAsync(Next(path), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A response's status and body.</summary>
internal sealed record Answer(HttpStatusCode Status, string Body);
