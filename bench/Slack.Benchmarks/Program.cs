using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet would otherwise generate and build a project under this folder, which inherits
// the repository's warnings-as-errors analyzers. ShortRun keeps a run to well under a minute on a shared box;
// `--precise` switches to MediumRun for tighter confidence intervals (about two minutes).
const string PreciseFlag = "--precise";
var job = args.Contains(PreciseFlag) ? Job.MediumRun : Job.ShortRun;

// Artifacts go under bin/ (ignored by git) instead of the directory the command was started from.
var config = DefaultConfig.Instance
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args.Where(a => a != PreciseFlag)], config);
