using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Infra.Tests.Support;

internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// A tiny HTTP/1.1 server on a free 127.0.0.1 port that answers whatever the test says, one request
/// per connection: a Port that speaks nonsense, or a proxy that rewrites some of the real emulator's answers.
/// </summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<FakeRequest, Task<FakeResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeHttpServer(Func<FakeRequest, Task<FakeResponse>> handler)
    {
        _handler = handler;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri Url { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                var response = await _handler(request);
                var body = Encoding.UTF8.GetBytes(response.Body);
                var head = $"HTTP/1.1 {response.Status} Fake\r\nContent-Type: {response.ContentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(body);
            }
            catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private static async Task<FakeRequest> ReadRequestAsync(NetworkStream stream)
    {
        var requestLine = await ReadLineAsync(stream);
        var parts = requestLine.Split(' ');
        if (parts.Length < 2)
        {
            throw new InvalidDataException("bad request line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(stream); line.Length > 0; line = await ReadLineAsync(stream))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await CopyExactlyAsync(stream, body, int.Parse(length, CultureInfo.InvariantCulture));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            for (var size = ChunkSize(await ReadLineAsync(stream)); size > 0; size = ChunkSize(await ReadLineAsync(stream)))
            {
                await CopyExactlyAsync(stream, body, size);
                await ReadLineAsync(stream);
            }

            await ReadLineAsync(stream);
        }

        return new FakeRequest(parts[0], parts[1], headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int ChunkSize(string line) => int.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static async Task CopyExactlyAsync(NetworkStream stream, MemoryStream target, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        target.Write(buffer);
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("connection closed mid-request");
            }

            if (one[0] == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }
}
