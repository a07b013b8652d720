package org.kindred.safety;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KeywordRuleRepository implements PanacheRepositoryBase<KeywordRule, UUID> {

    public List<KeywordRule> forGroup(UUID groupId) {
        return list("groupId = ?1 order by createdAt, id", groupId);
    }

    public long countForGroup(UUID groupId) {
        return count("groupId", groupId);
    }

    public boolean exists(UUID groupId, String normalized) {
        return count("groupId = ?1 and normalized = ?2", groupId, normalized) > 0;
    }
}
