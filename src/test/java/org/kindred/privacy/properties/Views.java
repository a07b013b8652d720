package org.kindred.privacy.properties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What one observer can read of a world, through every read endpoint that could tell them something about the group's
 * posts and people, with the world's own ids, handles, e-mails, markers and times replaced by names that are the same in
 * both differential worlds (so two worlds can be compared field by field).
 */
final class Views {

    static final int NOBODY = -1;
    private static final Pattern UUID_PATTERN = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?");
    private static final Pattern CURSOR = Pattern.compile("(\"(?:next|prev)?[cC]ursor\"\\s*:\\s*)\"[^\"]*\"");

    private Views() {
    }

    /** Endpoint → status and normalised body, in a fixed order. */
    static Map<String, String> of(World world, int observer) {
        Map<String, String> view = new LinkedHashMap<>();
        String g = "/api/v1/groups/" + world.group.id();
        read(world, observer, view, g);
        read(world, observer, view, g + "/members");
        read(world, observer, view, g + "/posts");
        // Search: the anonymous post's words, and every handle of the cast (never in the searched text).
        read(world, observer, view, g + "/posts?q=bus");
        read(world, observer, view, g + "/posts?q=" + String.join(" or ",
                world.cast.stream().map(TestAccount::handle).toList()));
        read(world, observer, view, g + "/moderation-log");
        for (int i = 0; i < world.posts.size(); i++) {
            World.PostRecord post = world.posts.get(i);
            read(world, observer, view, "/api/v1/posts/" + post.id());
            if (post.thread() == null) {
                read(world, observer, view, "/api/v1/posts/" + post.id() + "/replies");
            }
        }
        for (TestAccount account : world.cast) {
            read(world, observer, view, "/api/v1/accounts/" + account.handle());
        }
        if (observer != NOBODY) {
            for (World.ReportRecord report : world.reports) {
                if (report.reporter() == observer) {
                    read(world, observer, view, "/api/v1/reports/" + report.id());
                }
            }
            read(world, observer, view, "/api/v1/me/care");
            read(world, observer, view, "/api/v1/me/warnings");
            read(world, observer, view, "/api/v1/me/memberships");
            read(world, observer, view, "/api/v1/me/blocks");
            read(world, observer, view, "/api/v1/me/timeline");
            read(world, observer, view, "/api/v1/me/timeline?sort=active");
            read(world, observer, view, "/api/v1/me/timeline?q=bus");
            read(world, observer, view, "/api/v1/me/posts");
            read(world, observer, view, "/api/v1/me/replies");
            read(world, observer, view, "/api/v1/me/notifications");
            read(world, observer, view, "/api/v1/me/notifications/unread-count");
        }
        return view;
    }

    private static void read(World world, int observer, Map<String, String> view, String path) {
        RequestSpecification request = observer == NOBODY ? Api.anonymous() : Api.as(world.cast.get(observer));
        Response response = request.get(path);
        view.put(normalise(world, path), response.statusCode() + " " + normalise(world, response.asString()));
    }

    /** A nonexistent post's answer, for comparison with posts that must look as if they were never written. */
    static String nonexistentPost(World world, int observer) {
        RequestSpecification request = observer == NOBODY ? Api.anonymous() : Api.as(world.cast.get(observer));
        UUID nothing = UUID.randomUUID();
        Response response = request.get("/api/v1/posts/" + nothing);
        return response.statusCode() + " " + normalise(world, response.asString().replace(nothing.toString(), "<id>"));
    }

    static String normalise(World world, String text) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < world.cast.size(); i++) {
            TestAccount a = world.cast.get(i);
            String role = World.role(i);
            names.put(a.id().toString(), "<id " + role + ">");
            names.put(a.email(), "<email " + role + ">");
            names.put(a.handle(), "<handle " + role + ">");
            names.put(world.markers.get(i), "<marker " + role + ">");
        }
        names.put(world.group.id().toString(), "<group>");
        names.put(world.group.slug(), "<slug>");
        names.put(world.group.name(), "<group name>");
        for (int i = 0; i < world.posts.size(); i++) {
            names.put(world.posts.get(i).id().toString(), "<post " + i + ">");
        }
        for (int i = 0; i < world.reports.size(); i++) {
            names.put(world.reports.get(i).id().toString(), "<report " + i + ">");
        }
        List<String> keys = new ArrayList<>(names.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String key : keys) {
            result = result.replace(key, names.get(key));
        }
        result = TIME.matcher(result).replaceAll("<time>");
        result = CURSOR.matcher(result).replaceAll("$1\"<cursor>\"");
        // Other ids (log entries, care notes, system reports): numbered by first appearance.
        Map<String, String> others = new LinkedHashMap<>();
        Matcher m = UUID_PATTERN.matcher(result);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = others.computeIfAbsent(m.group(), k -> "<other " + others.size() + ">");
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString();
    }
}
