package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.stats.StatsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** {@code GET /api/affiliate/stats}: the affiliate's daily series and totals, from {@code daily_stats} only. */
@ApplicationScoped
public class StatsView {

    @Inject
    StatsQueries stats;

    @Transactional
    public PortalViews.Stats stats(Affiliate a, StatsPeriod period) {
        List<StatsQueries.Day> series = stats.series(a.id, period.from(), period.to());
        return new PortalViews.Stats(period.period(), period.from(), period.to(),
                series.stream().map(PortalViews.SeriesDay::of).toList(),
                PortalViews.Totals.of(StatsQueries.total(series, period.from())));
    }
}
