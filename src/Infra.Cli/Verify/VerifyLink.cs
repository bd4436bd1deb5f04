using Infra.Cli.Diagnostics;

namespace Infra.Cli.Verify;

/// <summary>
/// The links of the chain <c>verify</c> walks. When a step fails, the broken link says where to look,
/// and each has its own exit code.
/// </summary>
public enum VerifyLink
{
    /// <summary>Spacelift refused the API key id/secret that Port's secrets hold.</summary>
    Credentials,

    /// <summary>A webhook did not reach its target or did not get a usable answer (URL, network, status).</summary>
    Webhook,

    /// <summary>The automation is missing, disabled, its condition did not hold, or it did not rewrite the token.</summary>
    Automation,

    /// <summary>Spacelift answered the trigger with GraphQL errors or without a run.</summary>
    SpaceliftAnswer,

    /// <summary>Live updates: no event of the run reached Port's webhook (policy, named webhook, endpoint).</summary>
    LiveNoDelivery,

    /// <summary>Live updates: Port refused the events' signature (the two ends hold different secrets).</summary>
    LiveSignature,

    /// <summary>Live updates: events arrived but the mapping applied none (entity missing, run not tracked).</summary>
    LiveMapping,

    /// <summary>The self-renewing token: the loop has stopped, or the renewal verify forced did not renew the token and set the timer again.</summary>
    Renewal,
}

public static class VerifyLinkExtensions
{
    public static int ExitCode(this VerifyLink link) => link switch
    {
        VerifyLink.Credentials => ExitCodes.VerifyCredentials,
        VerifyLink.Webhook => ExitCodes.VerifyWebhook,
        VerifyLink.Automation => ExitCodes.VerifyAutomation,
        VerifyLink.LiveNoDelivery => ExitCodes.VerifyLiveNoDelivery,
        VerifyLink.LiveSignature => ExitCodes.VerifyLiveSignature,
        VerifyLink.LiveMapping => ExitCodes.VerifyLiveMapping,
        VerifyLink.Renewal => ExitCodes.VerifyRenewal,
        _ => ExitCodes.VerifySpaceliftAnswer,
    };

    /// <summary>The link as a sentence names it.</summary>
    public static string Describe(this VerifyLink link) => link switch
    {
        VerifyLink.Credentials => "the credentials",
        VerifyLink.Webhook => "the webhook",
        VerifyLink.Automation => "the automation's condition",
        VerifyLink.LiveNoDelivery => "the live-update delivery",
        VerifyLink.LiveSignature => "the live-update signature",
        VerifyLink.LiveMapping => "the live-update mapping",
        VerifyLink.Renewal => "the token's renewal loop",
        _ => "Spacelift's answer",
    };

    /// <summary>The link in JSON documents.</summary>
    public static string JsonName(this VerifyLink link) => link switch
    {
        VerifyLink.Credentials => "credentials",
        VerifyLink.Webhook => "webhook",
        VerifyLink.Automation => "automation",
        VerifyLink.LiveNoDelivery => "live-no-delivery",
        VerifyLink.LiveSignature => "live-signature",
        VerifyLink.LiveMapping => "live-mapping",
        VerifyLink.Renewal => "renewal",
        _ => "spacelift-answer",
    };
}
