using Beian.Core.Time;

namespace Beian.Core.Accounts;

/// <summary>
/// How often one mobile number may be sent a verification code, whatever the purpose (手机验证,
/// 登录, 注销 …) and whoever asks: once per cooldown and at most a daily cap per Beijing calendar
/// day, so that nobody can use the platform to flood a phone.
/// </summary>
public sealed record SmsSendLimits(int CooldownSeconds = 60, int DailyCapPerNumber = 10)
{
    public const string DailyCapReached = "该手机号今日获取验证码次数已达上限";

    public static SmsSendLimits Default { get; } = new();

    public TimeSpan Cooldown => TimeSpan.FromSeconds(CooldownSeconds);

    /// <summary>
    /// Whether a code may go to a number whose sends so far are <paramref name="history"/> (null:
    /// never), and if so the history that the send makes.
    /// </summary>
    public SmsSendDecision Decide(SmsSendHistory? history, DateTime nowUtc)
    {
        var today = BeijingTime.DateOf(nowUtc);
        var sentToday = history?.SentOn(today) ?? 0;
        if (sentToday >= DailyCapPerNumber) return SmsSendDecision.Refuse(DailyCapReached);
        if (history != null && nowUtc - history.LastSentAt < Cooldown)
            return SmsSendDecision.Refuse($"验证码发送过于频繁，请{SecondsLeft(history.LastSentAt, nowUtc)}秒后再试");
        return SmsSendDecision.Allow(new SmsSendHistory(nowUtc, today, sentToday + 1));
    }

    private int SecondsLeft(DateTime lastSentUtc, DateTime nowUtc) =>
        (int)Math.Ceiling((Cooldown - (nowUtc - lastSentUtc)).TotalSeconds);
}

/// <summary>The codes sent to one number: the last one's time and how many on the Beijing day <paramref name="Day"/>.</summary>
public sealed record SmsSendHistory(DateTime LastSentAt, DateOnly Day, int SentOnDay)
{
    public int SentOn(DateOnly day) => day == Day ? SentOnDay : 0;
}

/// <summary>Either the history after the send (<see cref="Next"/>) or why not (<see cref="Refusal"/>).</summary>
public sealed record SmsSendDecision(SmsSendHistory? Next, string? Refusal)
{
    public bool Allowed => Refusal == null;

    public static SmsSendDecision Allow(SmsSendHistory next) => new(next, null);

    public static SmsSendDecision Refuse(string refusal) => new(null, refusal);
}
