package org.kindred.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kindred.platform.error.UnprocessableException;

/**
 * Where Kindred may send a webhook (server-side request forgery, OWASP API7): an absolute https URL without user
 * information or fragment whose host resolves only to public unicast addresses (no loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, documentation or reserved ranges), and, when the operator configured an
 * allow-list, whose host is on it. Checked when an endpoint is registered or changed and again before every delivery
 * (a name may resolve elsewhere later); deliveries never follow redirects. Dev and tests may allow plain http to
 * loopback, for an in-process receiver.
 */
@ApplicationScoped
public class WebhookUrls {

    /** Resolves a host name; replaceable in unit tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Optional<List<String>> allowedHosts;
    private final Resolver resolver;
    private final String problem;
    private final String noun;

    @Inject
    public WebhookUrls(WebhookConfig config) {
        this(config.allowLoopback(), config.allowedHosts(), InetAddress::getAllByName);
    }

    WebhookUrls(boolean allowLoopback, Optional<List<String>> allowedHosts, Resolver resolver) {
        this(allowLoopback, allowedHosts, resolver, "unsafe-webhook-url", "webhook");
    }

    private WebhookUrls(boolean allowLoopback, Optional<List<String>> allowedHosts, Resolver resolver,
            String problem, String noun) {
        this.allowLoopback = allowLoopback;
        this.allowedHosts = allowedHosts.map(hosts -> hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.resolver = resolver;
        this.problem = problem;
        this.noun = noun;
    }

    /**
     * The same rules for another kind of outgoing URL (e.g. Web Push endpoints): refusals are 422 of type
     * {@code problem}, and messages speak of a "{@code noun} URL".
     */
    public static WebhookUrls forOutgoing(boolean allowLoopback, Optional<List<String>> allowedHosts, String problem,
            String noun) {
        return new WebhookUrls(allowLoopback, allowedHosts, InetAddress::getAllByName, problem, noun);
    }

    /** The URL, or 422 {@code unsafe-webhook-url} with the reason. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw refused("is not a valid absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("must not contain user information (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw refused("must not contain a fragment (#...)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.isPresent() && allowedHosts.get().stream().noneMatch(a -> host.equals(a)
                || host.endsWith("." + a))) {
            throw refused("host is not on the operator's allow-list of " + noun + " hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw refused("host does not resolve");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback && allowLoopback) {
                continue;
            }
            String why = notPublic(address);
            if (why != null) {
                throw refused("host resolves to a " + why + " address; " + noun + "s go to public addresses only");
            }
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback && allLoopback)) {
            throw refused("must use https");
        }
        return uri;
    }

    /** Why an address is not a public unicast one, or null when it is. */
    static String notPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (isV4Mapped(b)) {
                try {
                    return notPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
            return (b[0] & 0xe0) == 0x20 ? null : "reserved";
        }
        if (address instanceof Inet4Address) {
            return reservedV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        return "reserved";
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String reservedV4(int a, int b, int c) {
        if (a == 0 || a >= 240) {
            return "reserved";
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return "carrier-grade NAT";
        }
        if (a == 198 && (b == 18 || b == 19) || a == 192 && b == 0 && (c == 0 || c == 2)
                || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return "reserved";
        }
        return null;
    }

    private UnprocessableException refused(String reason) {
        String title = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " URL refused";
        return new UnprocessableException(problem, title, "The " + noun + " URL " + reason, Map.of("reason", reason));
    }
}
