using Collab.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab;

/// <summary>Registers Collab.Mail as Collab's notification channel.</summary>
public static class CollabMailServiceCollectionExtensions
{
    /// <summary>
    /// Sends Collab's notifications by e-mail, configured from a section such as <c>Collab:Mail</c>
    /// (<c>Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>, <c>Password</c>, <c>FromAddress</c>, <c>FromName</c>,
    /// <c>Timeout</c>, <c>TrustedCertificateSha256</c>, <c>Links:DeliverableReady</c> …). Registered after any other
    /// <see cref="INotificationSender"/>, it is the one the outbox uses.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The configuration section with the settings.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCollabMail(this IServiceCollection services, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddCollabMail(options => configuration.Bind(options));
    }

    /// <summary>Sends Collab's notifications by e-mail, configured in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCollabMail(this IServiceCollection services, Action<CollabMailOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CollabMailOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollabMailOptions>, CollabMailOptionsValidation>());
        services.AddScoped<INotificationSender, SmtpNotificationSender>();
        return services;
    }
}
