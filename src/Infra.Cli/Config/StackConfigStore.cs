using Infra.Cli.Config.Secrets;
using Infra.Cli.Config.Yaml;

namespace Infra.Cli.Config;

/// <summary>
/// The stack file as the <c>config</c> commands see it: its entries as written, decryption on demand,
/// and in-place, atomic edits that keep comments and the order of the other keys.
/// </summary>
public sealed class StackConfigStore
{
    private readonly ProjectFile _project;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private StackFile _file;

    private StackConfigStore(ProjectFile project, StackFile file, IReadOnlyDictionary<string, string?> environment)
    {
        _project = project;
        _file = file;
        _environment = environment;
    }

    /// <summary>Opens an existing stack; an unknown stack is the same error <see cref="StackConfigLoader.Load"/> gives.</summary>
    public static StackConfigStore Open(string projectDirectory, string stack, IReadOnlyDictionary<string, string?> environment)
    {
        var project = ProjectFile.Load(Path.GetFullPath(projectDirectory));
        return new StackConfigStore(project, StackFiles.Read(project, stack), environment);
    }

    public string StackFilePath => _file.Path;

    public IReadOnlyList<KeyValuePair<ConfigKey, StackFileValue>> Entries => _file.Config;

    /// <summary><c>ns:name</c>, <c>ns:config:name</c>, or a bare name in the project's namespace.</summary>
    public ConfigKey ParseKey(string text)
        => ConfigKey.TryParse(text, _project.Name, out var key) ? key : throw new ConfigException(ConfigKey.ParseError(text));

    /// <summary>The stack file's value for <paramref name="key"/>; throws when the file does not set it.</summary>
    public StackFileValue Get(ConfigKey key)
        => _file.Find(key) ?? throw new ConfigException($"{_file.Path}: configuration key '{key}' not found for this stack");

    /// <summary>Decrypts a value of this file with the passphrase from the environment.</summary>
    public string Reveal(ConfigKey key, SecureValue value)
        => Secrets().Decrypt($"configuration key '{key}'", value.Ciphertext);

    /// <summary>
    /// Writes <paramref name="key"/>: in clear, or encrypted when <paramref name="secret"/> (adding an
    /// <c>encryptionsalt</c> with a fresh salt when the file has none).
    /// </summary>
    /// <exception cref="ConfigException">The key is not one of this project or its providers, or the value is not of the key's declared type.</exception>
    public void Set(ConfigKey key, string value, bool secret)
    {
        if (ConfigKeyCatalog.Problem(_project, key) is { } problem)
        {
            throw new ConfigException($"{_file.Path}: {problem}");
        }

        if (!secret && _project.Config.TryGetValue(key, out var declared) && declared.Type is { } type && !ConfigTypes.Matches(type, new PlainValue(value)))
        {
            throw new ConfigException($"{_file.Path}: configuration key '{key}' must be of type '{type}', got '{value}' (nothing was written)");
        }

        var text = StackFileText.Of(_file.Path, File.ReadAllText(_file.Path));
        if (secret)
        {
            var secrets = Secrets();
            text.Set(key, new SecureValue(secrets.Encrypt(value)));
            if (secrets.CreatedSalt is not null)
            {
                text.SetEncryptionSalt(secrets.CreatedSalt);
            }
        }
        else
        {
            text.Set(key, new PlainValue(value));
        }

        Save(text);
    }

    /// <summary>Removes <paramref name="key"/>; false (and no write) when the file does not set it, as Pulumi succeeds then.</summary>
    public bool Remove(ConfigKey key)
    {
        var text = StackFileText.Of(_file.Path, File.ReadAllText(_file.Path));
        if (!text.Remove(key))
        {
            return false;
        }

        Save(text);
        return true;
    }

    private StackSecrets Secrets() => new(_file.Path, _file.EncryptionSalt, _environment);

    private void Save(StackFileText text)
    {
        var content = text.ToString();
        // Re-read what we are about to write, so an edit can never leave a file the loader rejects.
        var written = StackFile.Parse(_file.Path, content);
        AtomicFile.WriteAllText(_file.Path, content);
        _file = written;
    }
}
