package io.zhidu.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhidu.crm.shared.scope.DataScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataScopeTest {

    static final DataScope.Columns COLS = new DataScope.Columns("c.owner_id", "c.office_id", "c.department_id", "c.company_id");

    @Test
    void everythingMatchesEveryRow() {
        DataScope all = DataScope.everything(1);
        assertThat(all.predicate(COLS).sql()).isEqualTo("1=1");
        assertThat(all.covers(null, null, null, null)).isTrue();
    }

    @Test
    void ownOnlyIsOneIndexedEquality() {
        DataScope own = DataScope.ownOnly(7);
        DataScope.Predicate p = own.predicate(COLS);
        assertThat(p.sql()).isEqualTo("(c.owner_id = ?)");
        assertThat(p.params()).containsExactly(7L);
        assertThat(own.covers(7L, 1L, 1L, 1L)).isTrue();
        assertThat(own.covers(8L, 1L, 1L, 1L)).isFalse();
    }

    @Test
    void severalDimensionsAreOredWithSortedParameters() {
        DataScope s = new DataScope(3, false, Set.of(3L), Set.of(12L, 11L), Set.of(), Set.of(1L));
        DataScope.Predicate p = s.predicate(COLS);
        assertThat(p.sql()).isEqualTo("(c.owner_id = ? OR c.office_id IN (?, ?) OR c.company_id = ?)");
        assertThat(p.params()).isEqualTo(List.of(3L, 11L, 12L, 1L));
        assertThat(s.covers(99L, 12L, null, null)).isTrue();
        assertThat(s.covers(99L, 13L, null, 1L)).isTrue();
        assertThat(s.covers(99L, 13L, null, 2L)).isFalse();
    }

    @Test
    void aTableWithoutAColumnIgnoresThatDimensionAndAnEmptyScopeMatchesNothing() {
        DataScope officeOnly = new DataScope(3, false, Set.of(), Set.of(5L), Set.of(), Set.of());
        assertThat(officeOnly.predicate(new DataScope.Columns("owner_id", null, null, null)).sql()).isEqualTo("1=0");
        DataScope none = new DataScope(3, false, Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(none.predicate(COLS).sql()).isEqualTo("1=0");
        assertThat(none.covers(3L, 5L, 1L, 1L)).isFalse();
    }
}
