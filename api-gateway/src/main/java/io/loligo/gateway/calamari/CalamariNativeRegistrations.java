package io.loligo.gateway.calamari;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Calamari's shapes that Jackson writes inside a Response or an answer typed as Object (v1's OSD list, which may be a
 * 202; pool defaults, which share their route with the pool list), where Quarkus cannot see them.
 */
@RegisterForReflection(targets = {CalamariViews.PoolDefaults.class, CalamariViews.V1OsdList.class, CalamariViews.V1Osd.class})
final class CalamariNativeRegistrations {
    private CalamariNativeRegistrations() {
    }
}
