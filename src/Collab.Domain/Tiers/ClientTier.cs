namespace Collab.Tiers;

/// <summary>
/// The collaboration tier (cliënttype) of a client at an office (TIER-1). Ordered: a higher value includes
/// everything a lower one has. One tier covers every service of the client, fiscal and annual report alike (TIER-3).
/// </summary>
public enum ClientTier
{
    /// <summary>Standaard: reports by temporary link, download, annual-report management.</summary>
    Standard = 1,

    /// <summary>Samenwerken: adds sharing and approving annual reports, reminders, the dashboard.</summary>
    Collaborate = 2,

    /// <summary>Samenwerken Uitgebreid: adds the permanent portal, documents, questions, house style, extra users.</summary>
    CollaborateExtended = 3,
}

/// <summary>The services an office delivers to a client. They exist to show that none of them has a tier of its own (TIER-3).</summary>
public enum ServiceLine
{
    /// <summary>Fiscal work: tax returns (fiscaal).</summary>
    Fiscal = 1,

    /// <summary>Annual-report work (jaarrekening).</summary>
    AnnualReport = 2,
}

/// <summary>A feature of the collaboration matrix (TIER-2). At most 32, so a tier's features fit one bit mask.</summary>
public enum Feature
{
    /// <summary>Download deliverables — annual reports and tax returns (rapportages downloaden). <c>DownloadReports</c> before 0.6.0.</summary>
    DownloadDeliverables = 0,

    /// <summary>Manage deliverables of both service lines, annual reports and tax returns alike (TIER-3): drafting, overview pages and status (jaarrekeningen en aangiften beheren). <c>ManageAnnualReports</c> before 0.6.0.</summary>
    ManageDeliverables = 1,

    /// <summary>Share deliverables — annual reports and tax returns — and have them approved (delen en accorderen). <c>ShareAndApproveAnnualReports</c> before 0.6.0.</summary>
    ShareAndApproveDeliverables = 2,

    /// <summary>Deadline reminders by e-mail (herinneringen).</summary>
    DeadlineReminders = 3,

    /// <summary>Share a deliverable's dashboard: its figures as charts (dashboard van jaarrekening delen). <c>ShareAnnualReportDashboard</c> before 0.6.0.</summary>
    ShareDeliverableDashboard = 4,

    /// <summary>Permanent portal with the client's own login and history (permanent portaal).</summary>
    PermanentPortal = 5,

    /// <summary>Share client insights (klantinzichten delen).</summary>
    ShareClientInsights = 6,

    /// <summary>Own logo and house style (eigen logo en huisstijl).</summary>
    HouseStyle = 7,

    /// <summary>Exchange documents both ways (documenten uitwisselen).</summary>
    DocumentExchange = 8,

    /// <summary>Ask the client questions (vragen stellen aan de cliënt).</summary>
    ClientQuestions = 9,

    /// <summary>Prepare-by-client questionnaires.</summary>
    PrepareByClientQuestionnaires = 10,

    /// <summary>Client users beyond the included ones, at a price per user per month (extra cliëntgebruikers).</summary>
    ExtraClientUsers = 11,
}
