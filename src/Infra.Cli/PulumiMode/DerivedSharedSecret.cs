using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// The secret a group's ends share (<see cref="SharedSecrets"/>), as Pulumi mode writes it: derived, not drawn
/// at random. Each <c>pulumi up</c> must send the value again (it is an input of both ends), and neither end
/// gives it back (Port may answer it masked or not at all, Spacelift never: docs/unknowns.md); Pulumi's state
/// holds it, but a program cannot read its state, and a <c>pulumi refresh</c> under a masking Port would put
/// the mask there. So the value is a function of what the program has on every run: HMAC-SHA256 keyed with the
/// Port client secret (the fingerprints' key, which already proves who may write Port) over the owner and the
/// group. The same stack derives the same value on every run (an idle <c>up</c> changes nothing), two stacks
/// derive different values, and rotating the Port client secret rotates it at both ends on the next <c>up</c>.
/// Anyone holding the Port client secret can derive it, but could equally write Port's entities directly.
/// </summary>
internal static class DerivedSharedSecret
{
    /// <summary>Keeps the derivation apart from every other use of the key (the fingerprints hash name and value).</summary>
    private const string Purpose = "infra shared secret v1";

    public static Secret Derive(Secret key, StackOwner owner, string group)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Reveal()), Encoding.UTF8.GetBytes($"{Purpose}\0{owner.Project}/{owner.Stack}\0{group}"));
        return new Secret(Base64Url.EncodeToString(mac));
    }
}
