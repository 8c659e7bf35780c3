using Collab.Portal;

namespace Collab.Tests.Portal;

/// <summary>The portal's services by role (issue 34): every public method of each needs a row in the authorization matrix (SEC-3).</summary>
internal static class PortalRoleTypes
{
    internal static readonly Type[] All =
        [typeof(PortalService), typeof(PortalDocuments), typeof(HouseStyles), typeof(PortalReader), typeof(QuestionBatches), typeof(QuestionnaireTemplates), typeof(QuestionAnswers), typeof(QuestionPasses)];
}
