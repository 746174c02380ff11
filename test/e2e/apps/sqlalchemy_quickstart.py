"""The TiDB SQLAlchemy quickstart flow, as an application would run it against vexdb.

It does what tidb-samples/tidb-python-sqlalchemy-quickstart does (an ORM `players` table: create
it, insert one player and 200 more in batches, count, list the first three by id, two trades in
locking transactions, look the traders up with IN, drop the table) and prints the same lines, so
its output can be compared with sqlalchemy_quickstart.expected.

Connection settings come from TIDB_HOST, TIDB_PORT, TIDB_USER, TIDB_PASSWORD and TIDB_DB_NAME.
"""

import os

from sqlalchemy import URL, Integer, String, create_engine, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

BATCH_SIZE = 50
BULK_PLAYERS = 200


class Base(DeclarativeBase):
    pass


class Player(Base):
    __tablename__ = "players"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    coins: Mapped[int] = mapped_column(Integer)
    goods: Mapped[int] = mapped_column(Integer)

    def __str__(self):
        return f"Player(name={self.name}, coins={self.coins}, goods={self.goods})"


def engine_from_env():
    url = URL.create(
        "mysql+pymysql",
        username=os.environ.get("TIDB_USER", "root"),
        password=os.environ.get("TIDB_PASSWORD", ""),
        host=os.environ.get("TIDB_HOST", "127.0.0.1"),
        port=int(os.environ.get("TIDB_PORT", "4000")),
        database=os.environ.get("TIDB_DB_NAME", "test"),
    )
    return create_engine(url)


def create_and_list_players(engine):
    """Inserts a test player and 200 bulk-saved ones, then prints the count and the first three."""
    with Session(engine) as session:
        session.add(Player(name="test", coins=1, goods=1))
        print(session.scalars(select(Player).where(Player.name == "test")).one())

        players = [Player(name=f"player_{i}", coins=10000, goods=100)
                   for i in range(BULK_PLAYERS)]
        for start in range(0, BULK_PLAYERS, BATCH_SIZE):
            session.bulk_save_objects(players[start:start + BATCH_SIZE])

        count = session.scalar(select(func.count(Player.id)))
        print(f"number of players: {count}")
        for player in session.scalars(select(Player).order_by(Player.id).limit(3)):
            print(player)
        session.commit()


def locked_player(session, player_id):
    return session.scalars(select(Player).where(Player.id == player_id).with_for_update()).one()


def move(session, player_id, coins, goods):
    session.execute(update(Player).where(Player.id == player_id)
                    .values(coins=Player.coins + coins, goods=Player.goods + goods))


def trade(engine, buyer_id, seller_id, amount, price):
    """Moves `amount` goods for `price` coins in one transaction holding both rows locked."""
    with Session(engine) as session:
        buyer = locked_player(session, buyer_id)
        if buyer.coins < price:
            print("buyer coins not enough")
            return
        seller = locked_player(session, seller_id)
        if seller.goods < amount:
            print("seller goods not enough")
            return
        move(session, buyer_id, coins=-price, goods=amount)
        move(session, seller_id, coins=price, goods=-amount)
        session.commit()
        print("trade success")


def trade_between_two_players(engine):
    with Session(engine) as session:
        buyer = Player(name="buyer", coins=100, goods=0)
        seller = Player(name="seller", coins=0, goods=100)
        session.add_all([buyer, seller])
        session.commit()
        buyer_id, seller_id = buyer.id, seller.id

    print("============== trade 1 start =================")
    trade(engine, buyer_id, seller_id, amount=10, price=500)
    print("============== trade 1 end ===================")
    print("============== trade 2 start =================")
    trade(engine, buyer_id, seller_id, amount=10, price=100)
    print("============== trade 2 end ===================")

    with Session(engine) as session:
        for player in session.scalars(select(Player).where(Player.id.in_([buyer_id, seller_id]))):
            print(player)


def main():
    engine = engine_from_env()
    Base.metadata.create_all(engine)
    try:
        create_and_list_players(engine)
        trade_between_two_players(engine)
    finally:
        Base.metadata.drop_all(engine)


if __name__ == "__main__":
    main()
