using Cooperation.Bench;

// bench/run drives this; each command prints one line of results (key=value).
//   http URL TOKEN RATE|0 CONCURRENCY SECONDS
//   e2e GATEWAY SECRETS_FILE STATE RATE|0 COUNT
//   fanout GATEWAY SECRETS_FILE CODE...
//   bus raw|masstransit HOST PORT USER PASSWORD COUNT IN_FLIGHT
static string Secret(string file, string client) =>
    File.ReadLines(file).Select(l => l.Split('=', 2)).Single(p => p[0] == client)[1];

var line = args[0] switch
{
    "http" => await HttpLoad.RunAsync(args[1], args[2], double.Parse(args[3]), int.Parse(args[4]), TimeSpan.FromSeconds(double.Parse(args[5]))),
    "e2e" => await EndToEndCommand(new Uri(args[1]), args[2], args[3], double.Parse(args[4]), int.Parse(args[5])),
    "fanout" => await FanOutCommand(new Uri(args[1]), args[2], args[3..]),
    "bus" when args[1] == "raw" => await Bus.RawAsync(args[2], int.Parse(args[3]), args[4], args[5], int.Parse(args[6]), int.Parse(args[7])),
    "bus" => await Bus.MassTransitAsync(args[2], int.Parse(args[3]), args[4], args[5], int.Parse(args[6]), int.Parse(args[7])),
    "token" => (await Partner.SignInAsync(new Uri(args[1]), args[3], Secret(args[2], args[3]))).Token,
    _ => throw new ArgumentException($"unknown command {args[0]}"),
};
Console.WriteLine(line);
return 0;

async Task<string> EndToEndCommand(Uri gateway, string secrets, string code, double rate, int count)
{
    using var registry = await Partner.SignInAsync(gateway, "registry-desk", Secret(secrets, "registry-desk"));
    var client = $"state-{code.ToLowerInvariant()}-cms";
    using var state = await Partner.SignInAsync(gateway, client, Secret(secrets, client));
    return await EndToEnd.RunAsync(registry, state, code, rate, count);
}

async Task<string> FanOutCommand(Uri gateway, string secrets, string[] codes)
{
    using var registry = await Partner.SignInAsync(gateway, "registry-desk", Secret(secrets, "registry-desk"));
    var states = new Dictionary<string, Partner>();
    foreach (var code in codes)
    {
        var client = $"state-{code.ToLowerInvariant()}-cms";
        states[code] = await Partner.SignInAsync(gateway, client, Secret(secrets, client));
    }
    try { return await FanOut.RunAsync(registry, states); }
    finally { foreach (var s in states.Values) s.Dispose(); }
}
