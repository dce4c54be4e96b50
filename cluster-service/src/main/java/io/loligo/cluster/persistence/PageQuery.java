package io.loligo.cluster.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.TypedQuery;

import java.util.List;

/**
 * A page of a list and the number of rows the list has in all, read in one round trip: each row carries the count,
 * which PostgreSQL works out once, from the index, as it would for a query of its own (a window over the rows would
 * read every row of the list instead). Only a page past the end, which has no row to carry it, costs a second query.
 */
public final class PageQuery {
    private PageQuery() {
    }

    public record Rows<E>(List<E> rows, long count) {
    }

    /**
     * @param where an HQL condition on the entity's attributes, named without alias
     * @param orderBy an HQL order, such as {@code at desc, id desc}
     */
    public static <E> Rows<E> read(Class<E> entity, String where, Parameters parameters, String orderBy, long first, int size) {
        String count = "select count(*) from " + entity.getSimpleName() + " where " + where;
        List<Object[]> rows = bound(Panache.getEntityManager().createQuery("select this, (" + count + ") from "
                + entity.getSimpleName() + " where " + where + " order by " + orderBy, Object[].class), parameters)
                .setFirstResult(Math.toIntExact(first)).setMaxResults(size).getResultList();
        if (!rows.isEmpty()) {
            return new Rows<>(rows.stream().map(row -> entity.cast(row[0])).toList(), (Long) rows.get(0)[1]);
        }
        return new Rows<>(List.of(), first == 0 ? 0
                : bound(Panache.getEntityManager().createQuery(count, Long.class), parameters).getSingleResult());
    }

    private static <T> TypedQuery<T> bound(TypedQuery<T> query, Parameters parameters) {
        parameters.map().forEach(query::setParameter);
        return query;
    }
}
