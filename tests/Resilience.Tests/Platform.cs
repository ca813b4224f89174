using System.Runtime.Versioning;

// The tests start PostgreSQL servers with Linux tools (runuser, initdb, pg_ctl) and set Unix file modes.
[assembly: SupportedOSPlatform("linux")]
