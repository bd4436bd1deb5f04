namespace Infra.Sdk;

/// <summary>
/// What an executor hands a program: the stack's configuration, the owner its resources are marked with,
/// and the services it may read (a Spacelift account, the Port organisation). With
/// <see cref="ReadsData"/> false the executor asks only which resources the program declares (destroy,
/// refresh, verify): the program then reads nothing and declares its entity sets without entities.
/// </summary>
public sealed class ProgramContext(IStackConfig config, StackOwner owner, bool readsData, IReadOnlyList<object> services)
{
    public IStackConfig Config { get; } = config;

    public StackOwner Owner { get; } = owner;

    public bool ReadsData { get; } = readsData;

    /// <summary>
    /// The writer mark this executor records with a value it mints (<see cref="SecretRecord.WithWriter"/>;
    /// null when it records none). A program whose Port automation renews such a value records the same
    /// mark, so the executor reads a value the automation wrote as one it could have written itself.
    /// </summary>
    public string? SecretWriter { get; init; }

    /// <summary>The service of type <typeparamref name="T"/> the executor hands every program.</summary>
    /// <exception cref="InvalidOperationException">The executor hands no such service.</exception>
    public T Service<T>()
        where T : class
        => services.OfType<T>().FirstOrDefault() ?? throw new InvalidOperationException($"this executor hands programs no {typeof(T).Name}");
}
