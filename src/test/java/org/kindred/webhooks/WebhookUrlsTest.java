package org.kindred.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kindred.platform.error.UnprocessableException;

/**
 * The production rules (no loopback) with a fixed resolver, so names can be tested without DNS: a name that resolves
 * to any non-public address is refused (one private address among public ones is enough), and the allow-list.
 */
class WebhookUrlsTest {

    private static final Map<String, String[]> DNS = Map.of("hooks.partner.example", new String[]{"93.184.216.34"},
            "localhost", new String[]{"127.0.0.1", "::1"}, "mixed.partner.example",
            new String[]{"93.184.216.34", "10.0.0.8"}, "metadata.internal", new String[]{"169.254.169.254"});

    private static WebhookUrls urls(Optional<List<String>> allowed) {
        return new WebhookUrls(false, allowed, host -> {
            String[] addresses = DNS.get(host);
            if (addresses == null) {
                return new InetAddress[]{InetAddress.getByName(host)}; // literals only: no lookup
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByName(addresses[i]);
            }
            return out;
        });
    }

    private static String reason(WebhookUrls urls, String url) {
        return String.valueOf(assertThrows(UnprocessableException.class, () -> urls.check(url)).extensions()
                .get("reason"));
    }

    @Test
    void publicHttpsIsAcceptedAndEverythingThatReachesInsideIsNot() {
        WebhookUrls urls = urls(Optional.empty());
        assertEquals("https://hooks.partner.example/kindred", urls.check("https://hooks.partner.example/kindred")
                .toString());
        assertTrue(reason(urls, "https://localhost/hook").contains("loopback"));
        assertTrue(reason(urls, "https://127.0.0.1/hook").contains("loopback"));
        assertTrue(reason(urls, "https://[::1]/hook").contains("loopback"));
        assertTrue(reason(urls, "https://[::ffff:127.0.0.1]/hook").contains("loopback"));
        assertTrue(reason(urls, "http://127.0.0.1:8080/hook").contains("loopback"), "no http to loopback either");
        assertTrue(reason(urls, "https://mixed.partner.example/hook").contains("private"));
        assertTrue(reason(urls, "https://metadata.internal/").contains("link-local"));
        assertTrue(reason(urls, "https://198.51.100.7/").contains("reserved"));
        assertTrue(reason(urls, "http://hooks.partner.example/hook").contains("https"));
    }

    @Test
    void anAllowListAdmitsOnlyItsHostsAndTheirSubdomains() {
        WebhookUrls urls = urls(Optional.of(List.of("partner.example")));
        urls.check("https://hooks.partner.example/x");
        assertTrue(reason(urls, "https://93.184.216.34/x").contains("allow-list"));
        assertTrue(reason(urls, "https://evilpartner.example/x").contains("allow-list"));
    }
}
