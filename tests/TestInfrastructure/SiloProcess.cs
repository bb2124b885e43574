using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TestInfrastructure;

/// <summary>
/// A real silo process (<c>dotnet Silo.dll</c>) on a loopback port, so tests can kill it with
/// SIGKILL or freeze it with SIGSTOP like a crash or a long pause would. Its output goes to a log
/// file under the test output folder, named in failure messages.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly HashSet<int> HandedOut = [];
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri address, string logPath)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a silo with the given settings (configuration keys in environment form,
    /// <c>Kafka__BootstrapServers</c>); a null value removes a variable inherited from the test process.
    /// </summary>
    /// <param name="environment">Settings in environment form.</param>
    /// <param name="name">Names the log file.</param>
    /// <param name="project">The host project to run: Silo, or Api for the standalone gateway.</param>
    public static SiloProcess Start(IReadOnlyDictionary<string, string?> environment, string name, string project = "Silo")
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var siloDll = HostAssemblyPath(project);
        var start = new ProcessStartInfo("dotnet", [siloDll, "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var logPath = Path.Combine(AppContext.BaseDirectory, "silo-logs", $"{name}-{port}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the silo");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, log, address, logPath);
    }

    /// <summary>Sends a POSIX signal: 9 (SIGKILL), 19 (SIGSTOP), 18 (SIGCONT).</summary>
    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void KillHard()
    {
        Signal(9);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                Signal(18);
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process.Dispose();
        _log.Dispose();
    }

    /// <summary>The Silo build output, built by the test project's reference to Silo.</summary>
    public static string SiloAssemblyPath() => HostAssemblyPath("Silo");

    /// <summary>
    /// The build output of a host project (Silo, Api, or a folder path such as tests/Ingest.TestSilo,
    /// whose last segment names the assembly), built by the test project's reference to it.
    /// </summary>
    public static string HostAssemblyPath(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RealServices.RepositoryRoot(), project, "bin", configuration, "net10.0", Path.GetFileName(project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the {project} project first.", path);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>
    /// Test classes start silos in parallel, and the kernel may offer a probed port again before the
    /// silo it went to has bound it: two silos then raced for one port (and one log file), and a test
    /// talked to another test's silo. So this process never hands out the same port twice.
    /// </summary>
    public static int FreePort()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable CA5392, SYSLIB1054 // libc is the system library; a plain P/Invoke keeps this test helper simple.
    private static extern int kill(int pid, int sig);
#pragma warning restore CA5392, SYSLIB1054
}
